// Wraps a handler so that nothing it throws reaches the connection: it logs and answers with a fallback.
// Requests use guardRequest: a handler that stops because its request was cancelled (checkCancelled)
// answers with the LSP RequestCancelled error instead, which is not logged.

import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { logSafely } from './sendSafely';

class Cancelled extends Error {}

/** Stops the running handler when the client cancelled its request; call it between steps of real work. */
export function checkCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new Cancelled('request cancelled');
}

/** Lets the event loop run once (so a cancellation sent meanwhile arrives), then checks for it. */
export async function yieldThenCheck(token: CancellationToken | undefined, startedAt?: number): Promise<void> {
  if (!token) return;
  // Work that took a moment (a small buffer's parse) answers at once: yielding would let an analysis step run first.
  if (startedAt === undefined || performance.now() - startedAt >= LONG_WORK_MS) await new Promise((resolve) => setImmediate(resolve));
  checkCancelled(token);
}

/** Request work this long (ms) yields once before answering, so a cancellation sent meanwhile is seen. */
const LONG_WORK_MS = 10;

export function guard<P, R>(
  log: (message: string) => void,
  name: string,
  fallback: R,
  handler: (params: P) => R | Promise<R>,
): (params: P) => Promise<R> {
  return async (params) => {
    try {
      return await handler(params);
    } catch (error) {
      logSafely(log, `SyncPlan ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fallback;
    }
  };
}

/** guard for requests: a request cancelled before it starts or at a checkCancelled answers RequestCancelled. */
export function guardRequest<P, R>(
  log: (message: string) => void,
  name: string,
  fallback: R,
  handler: (params: P, token?: CancellationToken) => R | Promise<R>,
): (params: P, token?: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
    try {
      checkCancelled(token);
      return await handler(params, token);
    } catch (error) {
      if (error instanceof Cancelled) return new ResponseError(LSPErrorCodes.RequestCancelled, `SyncPlan ${name} cancelled`);
      logSafely(log, `SyncPlan ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fallback;
    }
  };
}
