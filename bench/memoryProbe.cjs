// Preloaded into the language server by bench/memory.ts (`node --require`): on SIGUSR2 it writes the process's
// memory use as JSON to the file named by SYNCPLAN_MEMORY_PROBE. When that file's name plus `.gc` exists, it
// also runs a full garbage collection afterwards and adds what survived it (the live heap); when `.snapshot`
// exists, it writes a heap snapshot to that name plus `.heapsnapshot`.
const { existsSync, writeFileSync } = require('node:fs');
const v8 = require('node:v8');
const { runInNewContext } = require('node:vm');

const out = process.env.SYNCPLAN_MEMORY_PROBE;
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

if (out) {
  process.on('SIGUSR2', () => {
    const usage = process.memoryUsage();
    const report = { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), heapTotalMb: mb(usage.heapTotal), externalMb: mb(usage.external) };
    if (existsSync(`${out}.gc`)) {
      v8.setFlagsFromString('--expose-gc');
      runInNewContext('gc')();
      const after = process.memoryUsage();
      Object.assign(report, { liveHeapMb: mb(after.heapUsed), rssAfterGcMb: mb(after.rss) });
    }
    // A heap snapshot beside it when asked (`.snapshot` exists), for a look at what the live heap holds.
    if (existsSync(`${out}.snapshot`)) v8.writeHeapSnapshot(`${out}.heapsnapshot`);
    writeFileSync(out, JSON.stringify(report));
  });
}
