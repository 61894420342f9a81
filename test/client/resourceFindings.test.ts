// Findings per resource: the editor's diagnostic lines counted per YAML document, else the file's count.

import assert from 'node:assert/strict';
import { ResourceFindings } from '../../client/src/tree/resourceFindings';
import { backendApp, fakePlans, ROOT } from './fakePlans';

const CONFIG = `${ROOT}/backend/config.yaml`; // ConfigMaps a, b, c start at lines 1, 8 and 15
const [a, b, c] = backendApp.steps[1].resources;

describe('ResourceFindings', () => {
  it('counts each diagnostic for the document that contains its line', () => {
    const plans = fakePlans();
    plans.folders[0].findingsByFile[CONFIG] = 4;
    const findings = new ResourceFindings(plans.folders[0], (file) => (file === CONFIG ? [3, 8, 14, 40] : undefined));
    assert.deepEqual([a, b, c].map((r) => findings.countFor(r)), [
      { count: 1, scope: 'resource' }, { count: 2, scope: 'resource' }, { count: 1, scope: 'resource' },
    ]);
  });

  it('gives lines above the first document to the first resource', () => {
    const plans = fakePlans();
    const smoke = backendApp.steps[2].resources[0]; // starts at line 3 of smoke.yaml
    const findings = new ResourceFindings(plans.folders[0], () => [1]);
    assert.deepEqual(findings.countFor(smoke), { count: 1, scope: 'resource' });
  });

  it('falls back to the per-file count while the editor has no diagnostics for the file', () => {
    const plans = fakePlans();
    plans.folders[0].findingsByFile[CONFIG] = 2;
    assert.deepEqual(new ResourceFindings(plans.folders[0]).countFor(b), { count: 2, scope: 'file' });
    assert.deepEqual(new ResourceFindings(plans.folders[0], () => []).countFor(b), { count: 2, scope: 'file' });
    assert.deepEqual(new ResourceFindings(plans.folders[0], () => [1]).countFor(b), { count: 0, scope: 'resource' });
  });
});
