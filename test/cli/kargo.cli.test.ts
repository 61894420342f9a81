// `plan --format json` on the kargo-advanced corpus case carries the Kargo pipeline at the top level.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { corpusRoot, runCli } from '../helpers/runCli';

describe('syncplan plan --format json: kargo', () => {
  it('lists the Project with its Stages in promotion order', function () {
    const root = corpusRoot();
    const folder = root && join(root, 'akuity__kargo-advanced');
    if (!folder || !existsSync(folder)) return this.skip();
    const run = runCli(['plan', folder, '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { kargo: { project: string; stages: { name: string; controlFlow: boolean; upstream: string[] }[] }[] };
    assert.deepEqual(report.kargo.map((p) => p.project), ['kargo-advanced']);
    const stages = report.kargo[0].stages;
    assert.deepEqual(stages.map((s) => s.name), ['dev', 'staging', 'ab-test-a', 'ab-test-b', 'prod', 'prod-central', 'prod-east', 'prod-west']);
    assert.deepEqual(stages.filter((s) => s.controlFlow).map((s) => s.name), ['prod']);
    assert.deepEqual(stages.find((s) => s.name === 'prod')?.upstream, ['ab-test-a', 'ab-test-b']);
  });
});
