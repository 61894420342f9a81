// Findings per resource: the editor's diagnostics counted per YAML document, errors apart from warnings.

import assert from 'node:assert/strict';
import { ResourceFindings, type FindingMark } from '../../client/src/tree/resourceFindings';
import { backendApp, fakePlans, res, ROOT } from './fakePlans';

const CONFIG = `${ROOT}/backend/config.yaml`; // ConfigMaps a, b, c start at lines 1, 8 and 15
const [a, b, c] = backendApp.steps[1].resources;
const warn = (line: number): FindingMark => ({ line, severity: 'warning' });
const error = (line: number): FindingMark => ({ line, severity: 'error' });

describe('ResourceFindings', () => {
  it('counts each diagnostic for the document that contains its line, errors apart from warnings', () => {
    const findings = new ResourceFindings(fakePlans().folders[0], (file) => (file === CONFIG ? [warn(3), error(8), warn(9), warn(14), error(40)] : undefined));
    assert.deepEqual([a, b, c].map((r) => findings.countFor(r)), [
      { errors: 0, warnings: 1 }, { errors: 1, warnings: 2 }, { errors: 1, warnings: 0 },
    ]);
  });

  it('gives lines above the first document to the first resource', () => {
    const smoke = backendApp.steps[2].resources[0]; // starts at line 3 of smoke.yaml
    const findings = new ResourceFindings(fakePlans().folders[0], () => [warn(1)]);
    assert.deepEqual(findings.countFor(smoke), { errors: 0, warnings: 1 });
  });

  it('counts nothing while the editor has no diagnostics for the file, whatever the per-file count', () => {
    const plans = fakePlans();
    plans.folders[0].findingsByFile[CONFIG] = 2;
    assert.deepEqual(new ResourceFindings(plans.folders[0]).countFor(b), { errors: 0, warnings: 0 });
    assert.deepEqual(new ResourceFindings(plans.folders[0], () => []).countFor(b), { errors: 0, warnings: 0 });
  });

  it('never gives a CreateNamespace Namespace the findings of its Application file', () => {
    const namespace = res('Namespace', 'shop', 'apps/backend.yaml', 1, { synthetic: 'create-namespace' });
    const findings = new ResourceFindings(fakePlans().folders[0], () => [error(1), warn(2)]);
    assert.deepEqual(findings.countFor(namespace), { errors: 0, warnings: 0 });
  });
});
