// Sends and logs on a connection the client may have closed meanwhile (it went away mid-analysis): vscode-jsonrpc
// throws at once, and a throw from a timer, or from a handler's catch, would escape as an uncaught exception or an
// unhandled rejection.

/** Runs `send`; a throw or a rejection is logged, and dropped when the log is gone with the connection too. */
export function sendSafely(send: () => PromiseLike<unknown>, what: string, log: (message: string) => void): void {
  Promise.resolve()
    .then(send)
    .then(undefined, (error: unknown) => logSafely(log, `SyncPlan: ${what} failed: ${String(error)}`));
}

/** Logs through the connection; on a closed one the log throws too, and is dropped. */
export function logSafely(log: (message: string) => void, message: string): void {
  try {
    log(message);
  } catch {
    // The connection is closed: nobody is left to tell.
  }
}
