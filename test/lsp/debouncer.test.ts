// The debouncer behind re-analysis: leading runs for an isolated request, a wait for quiet within a burst.

import assert from 'node:assert/strict';
import { Debouncer } from '../../server/src/lsp/debouncer';

const nextTurns = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('lsp: Debouncer', () => {
  // A long delay that never passes within a test: a task that ran did so because it was not delayed.
  const LONG = 600_000;
  let clock = 0;
  let debouncer: Debouncer;
  beforeEach(() => {
    clock = 1_000_000;
    debouncer = new Debouncer(() => clock);
  });
  afterEach(() => debouncer.dispose());

  it('runs a leading request at once when the key was quiet', async () => {
    const ran: string[] = [];
    debouncer.schedule('k', LONG, () => ran.push('first'), { leading: true });
    await nextTurns();
    assert.deepEqual(ran, ['first']);
  });

  it('makes a request that follows closely wait for quiet, replacing the pending one', async () => {
    const ran: string[] = [];
    debouncer.schedule('k', LONG, () => ran.push('first'), { leading: true });
    clock += 5;
    debouncer.schedule('k', LONG, () => ran.push('second'), { leading: true });
    await nextTurns();
    assert.deepEqual(ran, [], 'the burst waits, and the first request was replaced before it ran');
  });

  it('runs at once again after a quiet spell as long as the delay', async () => {
    const ran: string[] = [];
    debouncer.schedule('k', LONG, () => ran.push('first'), { leading: true });
    await nextTurns();
    clock += LONG;
    debouncer.schedule('k', LONG, () => ran.push('second'), { leading: true });
    await nextTurns();
    assert.deepEqual(ran, ['first', 'second']);
  });

  it('always waits without leading, and keys are independent', async () => {
    const ran: string[] = [];
    debouncer.schedule('a', LONG, () => ran.push('a'));
    debouncer.schedule('b', LONG, () => ran.push('b'), { leading: true });
    await nextTurns();
    assert.deepEqual(ran, ['b']);
  });
});
