// The server's idle garbage collection: when it is scheduled and cancelled, not how long anything takes.

import * as assert from 'node:assert/strict';
import { fullGarbageCollection, IdleCollector, type IdleTimers } from '../../server/src/lsp/idleCollector';
import { startInProcess, uriOf } from './lspHarness';
import { makeWorkspace } from './workspaceFixture';

/** Timers run by hand: `fire` runs every callback still pending, as if the quiet time had passed. */
class ManualTimers implements IdleTimers {
  private next = 0;
  readonly pending = new Map<number, () => void>();
  /** The delay each pending callback was set with. */
  readonly delays = new Map<number, number>();
  set(callback: () => void, ms: number): number {
    this.pending.set(++this.next, callback);
    this.delays.set(this.next, ms);
    return this.next;
  }
  /** Handles cleared while still pending. */
  readonly cleared: number[] = [];
  clear(handle: unknown): void {
    this.delays.delete(handle as number);
    if (this.pending.delete(handle as number)) this.cleared.push(handle as number);
  }
  fire(): void {
    const callbacks = [...this.pending.values()];
    this.pending.clear();
    this.delays.clear();
    for (const callback of callbacks) callback();
  }
}

/** Waits until `check` holds: the server arms the collection after publishing, with no message to wait for. */
async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(check(), what);
}

describe('lsp: idle garbage collection', () => {
  const setup = (): { collector: IdleCollector; timers: ManualTimers; collections: () => number } => {
    let count = 0;
    const timers = new ManualTimers();
    return { collector: new IdleCollector(() => count++, [2000, 10000], timers), timers, collections: () => count };
  };

  it('collects after each quiet time once an analysis settles, then no more', () => {
    const { collector, timers, collections } = setup();
    collector.analysisSettled();
    assert.equal(collections(), 0, 'never at once, on the path of the analysis');
    assert.ok(collector.scheduled);
    timers.fire();
    assert.equal(collections(), 1);
    assert.ok(collector.scheduled, 'the later collection waits');
    assert.deepEqual([...timers.delays.values()], [8000], 'the second after 10 s of quiet in all');
    timers.fire();
    assert.equal(collections(), 2);
    assert.equal(collector.scheduled, false);
    timers.fire();
    assert.equal(collections(), 2, 'not periodically');
  });

  it('a change between the collections cancels the later one', () => {
    const { collector, timers, collections } = setup();
    collector.analysisSettled();
    timers.fire();
    collector.cancel();
    assert.equal(timers.pending.size, 0);
    timers.fire();
    assert.equal(collections(), 1);
  });

  it('a change cancels the pending collection; the analysis after it arms one again', () => {
    const { collector, timers, collections } = setup();
    collector.analysisSettled();
    collector.cancel();
    assert.equal(timers.pending.size, 0);
    timers.fire();
    assert.equal(collections(), 0);
    collector.analysisSettled();
    timers.fire();
    assert.equal(collections(), 1);
  });

  it('analyses settling in a row leave one pending collection', () => {
    const { collector, timers, collections } = setup();
    collector.analysisSettled();
    collector.analysisSettled();
    collector.analysisSettled();
    assert.equal(timers.pending.size, 1);
    timers.fire();
    assert.equal(collections(), 1);
  });

  it('reaches V8 full collection without a command-line flag', () => {
    const collect = fullGarbageCollection();
    assert.equal(typeof collect, 'function');
    collect?.();
  });

  it('the server arms it when an analysis is published and an edit cancels it', async () => {
    const workspace = makeWorkspace({ 'app/broken.yaml': 'a: [\n' });
    const { collector, timers, collections } = setup();
    const client = await startInProcess({ folders: [workspace.root], server: { idleCollector: collector } });
    try {
      const broken = uriOf(workspace.path('app/broken.yaml'));
      await client.diagnosticsFor(broken, (d) => d.length > 0);
      await until('the collection armed', () => collector.scheduled);
      const armed = [...timers.pending.keys()];
      const uri = client.open(workspace.path('app/broken.yaml'), 'a: [\n');
      client.change(uri, 'a: []\n');
      await client.diagnosticsFor(broken, (d) => d.length === 0);
      await until('armed again after the edit is analysed', () => collector.scheduled);
      assert.deepEqual(timers.cleared, armed, 'the edit cancelled the collection armed before it');
      assert.equal(collections(), 0);
      timers.fire();
      assert.equal(collections(), 1);
    } finally {
      await client.dispose();
      workspace.remove();
    }
  });
});
