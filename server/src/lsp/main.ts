// Entry of dist/server.js: one connection over stdio or node IPC (chosen by the command-line flags).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './createServer';
import { fullGarbageCollection, IdleCollector } from './idleCollector';
import { tuneHeapForServer } from './serverHeap';

tuneHeapForServer();
const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (error) => connection.console.error(`SyncPlan: uncaught ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`SyncPlan: unhandled rejection ${String(reason)}`));
const collect = fullGarbageCollection();
createServer(connection, { idleCollector: collect ? new IdleCollector(collect) : undefined });
connection.listen();
