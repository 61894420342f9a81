// Entry of dist/server.js: one connection over stdio or node IPC (chosen by the command-line flags).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './createServer';
import { fullGarbageCollection, IdleCollector } from './idleCollector';
import { tuneHeapForServer } from './serverHeap';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (error) => connection.console.error(`SyncPlan: uncaught ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`SyncPlan: unhandled rejection ${String(reason)}`));
const collect = fullGarbageCollection();
// V8's own heap growth while the first analysis allocates hundreds of MB; the tight step once edits begin, with
// one collection at once so the heap limit is worked out with it (else edits grew the heap to 300 MB first).
let heapGrowth: ReturnType<typeof tuneHeapForServer> | undefined;
const afterFirstAnalysis = (): void => {
  heapGrowth = tuneHeapForServer();
  collect?.();
};
const afterAnalysis = (): void => heapGrowth?.analysisDone();
createServer(connection, { idleCollector: collect ? new IdleCollector(collect) : undefined, afterFirstAnalysis, afterAnalysis });
connection.listen();
