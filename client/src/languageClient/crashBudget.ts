// Counts server crashes inside a sliding time window: a few restarts are fine, a crash loop is not.
// Pure, so it is unit-tested without VS Code.

export interface RestartPolicy {
  /** Restarts allowed inside the window before giving up. */
  maxRestarts: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxRestarts: 4, windowMs: 3 * 60 * 1000 };

export class CrashBudget {
  private crashes: number[] = [];

  constructor(readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY, private readonly now: () => number = Date.now) {}

  /** Records a crash; true while another automatic restart is allowed. */
  recordCrash(): boolean {
    const now = this.now();
    this.crashes = [...this.crashes.filter((t) => now - t < this.policy.windowMs), now];
    return this.crashes.length <= this.policy.maxRestarts;
  }

  get recentCrashes(): number {
    return this.crashes.length;
  }

  /** A manual restart starts a fresh count. */
  reset(): void {
    this.crashes = [];
  }
}
