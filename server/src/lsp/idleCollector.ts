// Memory (issue 10): one full garbage collection once the server has been quiet for a while after an analysis.
// Each analysis of an edit leaves tens of MB of garbage, and V8 collects the old generation only when it has
// grown well past what survived the last collection. While the user pauses, one collection brings the heap back to
// what is live. Never on the keystroke path: a change cancels a pending collection (its analysis arms a new one).

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

/** Quiet time after an analysis before collecting: longer than the gap between keystrokes of someone typing. */
export const IDLE_COLLECTION_DELAY_MS = 2000;

export class IdleCollector {
  private pending: unknown;
  private armed = false;

  constructor(
    private readonly collect: () => void,
    private readonly quietMs = IDLE_COLLECTION_DELAY_MS,
    private readonly timers: IdleTimers = NODE_TIMERS,
  ) {}

  /** An analysis finished and was published: collect once after `quietMs` without a change. */
  analysisSettled(): void {
    this.cancel();
    this.armed = true;
    this.pending = this.timers.set(() => {
      this.armed = false;
      this.pending = undefined;
      this.collect();
    }, this.quietMs);
  }

  /** Something changed (an edit, a file, settings): its analysis comes first, and arms the collection again. */
  cancel(): void {
    if (this.armed) this.timers.clear(this.pending);
    this.armed = false;
    this.pending = undefined;
  }

  /** Whether a collection waits for its quiet time. */
  get scheduled(): boolean {
    return this.armed;
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
