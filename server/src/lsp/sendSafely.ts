// Sends from timers (the plans announcement): a connection closed since, because the client went away
// mid-analysis, throws at once, and a throw from a timer would be an uncaught exception that ends the server.

/** Runs `send`; a throw or a rejection is logged, and dropped when the log is gone with the connection too. */
export function sendSafely(send: () => PromiseLike<unknown>, what: string, log: (message: string) => void): void {
  Promise.resolve()
    .then(send)
    .then(undefined, (error: unknown) => {
      try {
        log(`SyncPlan: ${what} failed: ${String(error)}`);
      } catch {
        // The connection is closed: nobody is left to tell.
      }
    });
}
