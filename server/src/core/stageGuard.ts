// A stage of the analysis (reading a file, discovery, rendering one application, planning, Kargo) that stops
// on an internal exception becomes a syncplan/internal-error finding in plain words, and the rest of the
// analysis goes on. Nothing is printed; the JavaScript message is never shown.

import type { Finding } from './types';

export function internalError(stage: string, file: string): Finding {
  return {
    code: 'syncplan/internal-error',
    severity: 'error',
    message: `SyncPlan stopped on an internal problem while ${stage}, so results from that step are missing. This is a SyncPlan bug; please report it.`,
    file,
    span: { start: 0, end: 0 },
  };
}

/**
 * Runs `step`; on an exception records an internal-error finding for `stage` and returns `fallback`. `stage` may be
 * a function, so a label that costs something to write is written only when needed.
 */
export function guarded<T>(findings: Finding[], stage: string | (() => string), file: string, fallback: T, step: () => T): T {
  try {
    return step();
  } catch {
    findings.push(internalError(typeof stage === 'string' ? stage : stage(), file));
    return fallback;
  }
}
