// A short, deterministic slice of the fuzzer (issue 7): inputs built from the repository's own examples and
// fixtures only, so the slice is the same on every machine. Longer runs: `npm run fuzz -- --iterations N --seed S`.

import assert from 'node:assert/strict';
import { inputSeed } from './prng';
import { runInput } from './runInput';
import { listSeedFolders, seedRoots } from './seedPool';

const SEED = 7;
const INPUTS = 200;

describe('fuzz slice', function () {
  this.timeout(600_000);

  it(`${INPUTS} mutated workspaces (seed ${SEED}) analyse without exceptions, invalid JSON, pollution or overruns`, () => {
    const folders = listSeedFolders(seedRoots(false));
    assert.ok(folders.length > 20, 'the seed folders are found');
    const failures: string[] = [];
    for (let index = 0; index < INPUTS; index++) {
      const result = runInput(inputSeed(SEED, index), folders);
      if (!result.ok) failures.push(`input ${index} (npm run fuzz -- --no-corpus --seed ${SEED} --only ${index}): ${result.problem}`);
    }
    assert.deepEqual(failures, []);
  });

  it('rebuilds the same input from the same seed', () => {
    const folders = listSeedFolders(seedRoots(false));
    const a = runInput(inputSeed(SEED, 3), folders);
    const b = runInput(inputSeed(SEED, 3), folders);
    assert.equal(a.origin, b.origin);
  });
});
