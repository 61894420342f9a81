// The quiet time before re-analysing after an edit: short while analysis is fast, longer only when it is
// slow, so typing is not interrupted by one long analysis per keystroke.

/** How much of the newest duration enters the running estimate. */
const WEIGHT = 0.3;
/**
 * Analyses up to this long keep the base delay: they finish between two keystrokes of normal typing, so waiting
 * as long again before starting one would only double the time to diagnostics.
 */
const SLOW_MS = 200;
/** Never wait longer than this, however slow the analysis. */
const MAX_DELAY_MS = 1000;

export class AdaptiveDelay {
  private estimateMs = 0;

  /** Records how long one analysis took. */
  record(durationMs: number): void {
    if (!Number.isFinite(durationMs) || durationMs < 0) return;
    this.estimateMs = this.estimateMs === 0 ? durationMs : WEIGHT * durationMs + (1 - WEIGHT) * this.estimateMs;
  }

  /** `baseMs` (the `syncplan.analysisDelay` setting), grown to the typical analysis time once that is slow, capped. */
  next(baseMs: number): number {
    if (this.estimateMs <= SLOW_MS) return baseMs;
    return Math.round(Math.max(baseMs, Math.min(MAX_DELAY_MS, this.estimateMs)));
  }
}
