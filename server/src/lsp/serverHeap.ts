// Memory (issue 10): how the language server's V8 heap grows. V8 lets the old generation grow to up to four times
// what survived the last full collection when it judges collecting dearer than growing; with about 30 MB of garbage
// per analysis of an edit, the server's heap settled at three times its live data. A fixed growth step keeps the
// heap near what is live; a tenth keeps the corpus under 200 MB RSS during edits (bench/memory.ts), and a wider one
// applies where that step makes each edit collect the whole heap (heapGrowthTuner.ts). It is no cap: the limit is
// recomputed from what survives each collection, so a larger workspace still grows its heap as far as it needs.

import { constants, PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { HeapGrowthTuner } from './heapGrowthTuner';

/**
 * Call once the first analysis is done: set at startup, the tight step made that analysis (hundreds of MB
 * allocated, most of it kept) collect about twice as often, 10-30% slower (bench/lsp-initial.ts). Returns the
 * tuner to tell after each analysis.
 */
export function tuneHeapForServer(): HeapGrowthTuner {
  let major = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++;
  });
  observer.observe({ entryTypes: ['gc'] });
  return new HeapGrowthTuner((percent) => setFlagsFromString(`--heap-growing-percent=${percent}`), () => major);
}
