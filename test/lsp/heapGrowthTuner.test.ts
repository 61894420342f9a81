// The heap's growth step follows how often analyses collect the whole heap: narrow (RSS) while full collections
// are rare, as on the corpus; wide once most analyses trigger one, as edits in one very large file do.

import assert from 'node:assert/strict';
import { HeapGrowthTuner, NARROW_PERCENT, WIDE_PERCENT } from '../../server/src/lsp/heapGrowthTuner';

function tunerWith(majorPerAnalysis: number[]): { set: number[]; percents: number[] } {
  let major = 0;
  const set: number[] = [];
  const tuner = new HeapGrowthTuner((p) => set.push(p), () => major);
  const percents: number[] = [];
  for (const count of majorPerAnalysis) {
    major += count;
    tuner.analysisDone();
    percents.push(tuner.growingPercent);
  }
  return { set, percents };
}

describe('lsp: heap growth step', () => {
  it('stays narrow while full collections are rare (one every 25-30 analyses)', () => {
    const counts = Array.from({ length: 100 }, (_, i) => (i % 27 === 26 ? 1 : 0));
    const { set, percents } = tunerWith(counts);
    assert.deepEqual(set, [NARROW_PERCENT]);
    assert.ok(percents.every((p) => p === NARROW_PERCENT));
  });

  it('widens once analyses keep collecting, and narrows again when they stop', () => {
    const { set, percents } = tunerWith([1, 2, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(set, [NARROW_PERCENT, WIDE_PERCENT, NARROW_PERCENT]);
    assert.equal(percents[0], NARROW_PERCENT, 'one analysis with a collection is not enough');
    assert.ok(percents.slice(2, 6).every((p) => p === WIDE_PERCENT), percents.join(','));
    assert.equal(percents.at(-1), NARROW_PERCENT);
  });
});
