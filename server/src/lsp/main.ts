// Entry of dist/server.js: one connection over stdio or node IPC (chosen by the command-line flags).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './createServer';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (error) => connection.console.error(`SyncPlan: uncaught ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`SyncPlan: unhandled rejection ${String(reason)}`));
createServer(connection);
connection.listen();
