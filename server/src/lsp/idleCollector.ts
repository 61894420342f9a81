// Memory (issue 10): full garbage collections once the server has been quiet for a while after an analysis.
// Each analysis of an edit leaves tens of MB of garbage, and V8 collects the old generation only when it has
// grown well past what survived the last collection. While the user pauses, one collection brings the heap back to
// what is live. V8 shrinks the young generation only in a collection that finds allocation slow over the last few
// seconds, so a second, later collection hands its unused pages back (about 25 MB of RSS on the corpus).
// Never on the keystroke path: a change cancels pending collections (its analysis arms them again).

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface IdleTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const NODE_TIMERS: IdleTimers = {
  set: (callback, ms) => setTimeout(callback, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Quiet times after an analysis at which to collect: the first is longer than the gap between keystrokes of
 * someone typing; the second leaves V8's allocation-rate window (a few seconds) without the analysis in it.
 */
export const IDLE_COLLECTION_DELAYS_MS: readonly number[] = [2000, 10000];

export class IdleCollector {
  private pending: unknown;
  private armed = false;

  constructor(
    private readonly collect: () => void,
    private readonly delaysMs: readonly number[] = IDLE_COLLECTION_DELAYS_MS,
    private readonly timers: IdleTimers = NODE_TIMERS,
  ) {}

  /** An analysis finished and was published: collect after each quiet time without a change. */
  analysisSettled(): void {
    this.cancel();
    this.arm(0, 0);
  }

  /** Something changed (an edit, a file, settings): its analysis comes first, and arms the collections again. */
  cancel(): void {
    if (this.armed) this.timers.clear(this.pending);
    this.armed = false;
    this.pending = undefined;
  }

  /** Whether a collection waits for its quiet time. */
  get scheduled(): boolean {
    return this.armed;
  }

  private arm(stage: number, elapsedMs: number): void {
    const delay = this.delaysMs[stage];
    if (delay === undefined) return;
    this.armed = true;
    this.pending = this.timers.set(() => {
      this.armed = false;
      this.pending = undefined;
      this.collect();
      this.arm(stage + 1, delay);
    }, delay - elapsedMs);
  }
}

/** V8's full collection, made reachable without a command-line flag; undefined where the runtime refuses. */
export function fullGarbageCollection(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => (gc as () => void)() : undefined;
  } catch {
    return undefined;
  }
}
