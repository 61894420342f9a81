// Runs a task once a key has been quiet for a while; a newer request for the same key replaces the older.
// With `leading`, a request after a quiet spell runs at once: an isolated edit gets its diagnostics without
// waiting, and only the requests that follow it closely (a burst) wait for the key to go quiet.

export interface ScheduleOptions {
  /** Run at once (on the next turn) when the previous request for the key is at least `delayMs` old. */
  leading?: boolean;
}

export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRequest = new Map<string, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  schedule(key: string, delayMs: number, task: () => void, options: ScheduleOptions = {}): void {
    const now = this.now();
    const previous = this.lastRequest.get(key);
    this.lastRequest.set(key, now);
    const quiet = previous === undefined || now - previous >= delayMs;
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.set(
      key,
      setTimeout(
        () => {
          this.timers.delete(key);
          task();
        },
        options.leading && quiet ? 0 : delayMs,
      ),
    );
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.lastRequest.clear();
  }
}
