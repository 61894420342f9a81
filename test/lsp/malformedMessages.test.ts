// A message without Content-Length or with bad JSON on the wire does not stop the server: later
// requests on the same stream still get answers.

import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader as ServerReader, StreamMessageWriter as ServerWriter } from 'vscode-languageserver/node';
import { StreamMessageReader, type Message } from 'vscode-languageserver-protocol/node';
import { createServer } from '../../server/src/lsp/createServer';
import { makeWorkspace, type Workspace } from './workspaceFixture';
import { uriOf } from './lspHarness';

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

describe('lsp: malformed messages on the wire', () => {
  let workspace: Workspace;
  let toServer: PassThrough;
  let toClient: PassThrough;
  let dispose: () => void;
  const received: Message[] = [];
  const waiters: (() => void)[] = [];

  const responseTo = (id: number): Promise<Message & { result?: unknown; error?: unknown }> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no response to ${id}; got ${JSON.stringify(received)}`)), 10_000);
      const check = (): void => {
        const found = received.find((m) => (m as { id?: unknown }).id === id);
        if (!found) return;
        clearTimeout(timer);
        resolve(found);
      };
      waiters.push(check);
      check();
    });
  const request = (id: number, method: string, params: unknown): Promise<Message & { result?: unknown; error?: unknown }> => {
    toServer.write(frame(JSON.stringify({ jsonrpc: '2.0', id, method, params })));
    return responseTo(id);
  };

  before(async () => {
    workspace = makeWorkspace({ 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
    toServer = new PassThrough();
    toClient = new PassThrough();
    const connection = createConnection(new ServerReader(toServer), new ServerWriter(toClient));
    const server = createServer(connection);
    connection.listen();
    const reader = new StreamMessageReader(toClient);
    reader.listen((message) => {
      received.push(message);
      for (const waiter of [...waiters]) waiter();
    });
    dispose = () => {
      server.dispose();
      connection.dispose();
      reader.dispose();
      toServer.destroy();
      toClient.destroy();
    };
    const init = await request(1, 'initialize', { processId: null, rootUri: null, workspaceFolders: [{ uri: uriOf(workspace.root), name: 'w' }], capabilities: {} });
    assert.ok(init.result, JSON.stringify(init));
  });
  after(() => {
    dispose();
    workspace.remove();
  });

  it('keeps serving after a body that is not JSON', async () => {
    toServer.write(frame('{"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", '));
    const plans = await request(3, 'syncplan/plans', {});
    assert.ok(plans.result, JSON.stringify(plans));
  });

  it('keeps serving after a header block without Content-Length', async () => {
    toServer.write('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n');
    const plans = await request(4, 'syncplan/plans', {});
    assert.ok(plans.result, JSON.stringify(plans));
  });

  it('answers JSON that is not a JSON-RPC message, and a request for an unknown method, with errors', async () => {
    toServer.write(frame('[1, 2, 3]'));
    const unknown = await request(5, 'syncplan/noSuchMethod', {});
    assert.equal((unknown.error as { code: number }).code, -32601, JSON.stringify(unknown));
    const plans = await request(6, 'syncplan/plans', {});
    assert.ok(plans.result, JSON.stringify(plans));
  });
});
