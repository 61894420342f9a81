// Wraps a handler so that nothing it throws reaches the connection: it logs and answers with a fallback.

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
      log(`SyncPlan ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fallback;
    }
  };
}
