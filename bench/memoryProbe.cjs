// Preloaded into the language server by bench/memory.ts (`node --require`): on SIGUSR2 it writes the process's
// memory use as JSON to the file named by SYNCPLAN_MEMORY_PROBE. When that file's name plus `.gc` exists, it
// also runs a full garbage collection afterwards and adds what survived it (the live heap); when `.snapshot`
// exists, it writes a heap snapshot to that name plus `.heapsnapshot`.
const { existsSync, writeFileSync } = require('node:fs');
const v8 = require('node:v8');
const { runInNewContext } = require('node:vm');

const out = process.env.SYNCPLAN_MEMORY_PROBE;
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

// Main-thread garbage-collection time by kind (V8's pauses), summed since the process started.
const gc = { scavengeMs: 0, majorMs: 0, majorCount: 0 };
if (out) {
  const { PerformanceObserver, constants } = require('node:perf_hooks');
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) gc.scavengeMs += entry.duration;
      else if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        gc.majorMs += entry.duration;
        gc.majorCount++;
      }
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('SIGUSR2', () => {
    const usage = process.memoryUsage();
    const report = { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), heapTotalMb: mb(usage.heapTotal), externalMb: mb(usage.external), ...gc };
    if (existsSync(`${out}.gc`)) {
      v8.setFlagsFromString('--expose-gc');
      const started = performance.now();
      runInNewContext('gc')();
      const gcMs = Math.round(performance.now() - started);
      const after = process.memoryUsage();
      Object.assign(report, { liveHeapMb: mb(after.heapUsed), rssAfterGcMb: mb(after.rss), gcMs });
    }
    // A heap snapshot beside it when asked (`.snapshot` exists), for a look at what the live heap holds.
    if (existsSync(`${out}.snapshot`)) v8.writeHeapSnapshot(`${out}.heapsnapshot`);
    writeFileSync(out, JSON.stringify(report));
  });
}
