// When the Sync Order and Promotion Pipelines views fetch: one shared mechanism (client/src/tree/viewRefresh.ts).

import assert from 'node:assert/strict';
import { ViewRefresh } from '../../client/src/tree/viewRefresh';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('client: ViewRefresh', () => {
  it('runs one fetch at a time, and calls made meanwhile share one queued fetch', async () => {
    const fetches: ReturnType<typeof deferred<number>>[] = [];
    const shown: number[] = [];
    const refresh = new ViewRefresh(() => { const d = deferred<number>(); fetches.push(d); return d.promise; }, (v) => shown.push(v), () => true, () => undefined);
    const first = refresh.now();
    const second = refresh.now();
    const third = refresh.now();
    assert.equal(second, third, 'calls during a fetch share the queued one');
    assert.equal(fetches.length, 1);
    fetches[0].resolve(1);
    await first;
    await new Promise((r) => setImmediate(r));
    assert.equal(fetches.length, 2, 'the queued fetch starts after the running one');
    fetches[1].resolve(2);
    await second;
    assert.deepEqual(shown, [1, 2]);
    assert.equal(refresh.dirty, false);
  });

  it('stays dirty after a failed fetch and shows nothing', async () => {
    const shown: string[] = [];
    const refresh = new ViewRefresh(() => Promise.reject(new Error('server gone')), (v: string) => shown.push(v), () => true, () => undefined);
    await assert.rejects(refresh.now(), /server gone/);
    assert.equal(refresh.dirty, true);
    assert.deepEqual(shown, []);
  });

  it('a change while hidden fetches nothing until the view becomes visible', async () => {
    let fetched = 0;
    let visible = false;
    const refresh = new ViewRefresh(async () => ++fetched, () => undefined, () => visible, () => undefined);
    await refresh.now();
    refresh.plansChanged();
    assert.equal(refresh.dirty, true);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(fetched, 1, 'hidden: no fetch after the debounce');
    visible = true;
    refresh.becameVisible();
    await new Promise((r) => setImmediate(r));
    assert.equal(fetched, 2);
    assert.equal(refresh.dirty, false);
    refresh.dispose();
  });
});
