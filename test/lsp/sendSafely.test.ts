// A send from a timer on a closed connection: vscode-jsonrpc throws at once ("Connection is disposed"), and the
// log through the same connection throws too. Neither may escape (an uncaught exception ends the server).

import assert from 'node:assert/strict';
import { guard, guardRequest } from '../../server/src/lsp/guard';
import { sendSafely } from '../../server/src/lsp/sendSafely';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('lsp: sends from timers', () => {
  it('logs a send that throws at once instead of throwing', async () => {
    const logged: string[] = [];
    assert.doesNotThrow(() => sendSafely(() => { throw new Error('Connection is disposed.'); }, 'plansChanged', (m) => logged.push(m)));
    await settle();
    assert.deepEqual(logged, ['SyncPlan: plansChanged failed: Error: Connection is disposed.']);
  });

  it('drops the log when logging throws as well, and logs a rejected send', async () => {
    const uncaught: unknown[] = [];
    const onRejection = (reason: unknown): void => void uncaught.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      sendSafely(() => { throw new Error('Connection is disposed.'); }, 'plansChanged', () => { throw new Error('Connection is disposed.'); });
      const logged: string[] = [];
      sendSafely(() => Promise.reject(new Error('no client')), 'code lens refresh', (m) => logged.push(m));
      await settle();
      await settle();
      assert.deepEqual(uncaught, []);
      assert.deepEqual(logged, ['SyncPlan: code lens refresh failed: Error: no client']);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});

describe('lsp: guarded work on a closed connection', () => {
  it('answers with the fallback when both the work and its log throw (a debounced analysis publishing to a closed connection)', async () => {
    const closed = (): never => {
      throw new Error('Connection is disposed.');
    };
    const analysis = guard(closed, 'analysis', 'fallback', () => closed());
    assert.equal(await analysis(undefined), 'fallback');
    const request = guardRequest(closed, 'hover', null, () => closed());
    assert.equal(await request(undefined), null);
  });
});
