// Kustomize patch target selectors run on a linear-time engine (issue 7 item 5). A hang shows as the CLI
// subprocess being killed by its timeout, never as a timed assertion.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/runCli';

describe('kustomize target selectors from the workspace', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'syncplan-re2-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('a catastrophic pattern (a+)+$ on a long name ends (a backtracking engine would take 2^40 steps)', () => {
    const long = `${'a'.repeat(40)}-x`;
    writeFileSync(join(root, 'cm.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${long}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aaaa\n`);
    const patch = '[{"op": "add", "path": "/metadata/labels", "value": {"hit": "yes"}}]';
    writeFileSync(join(root, 'kustomization.yaml'), `resources:\n- cm.yaml\npatches:\n- target:\n    name: "(a+)+$"\n  patch: '${patch}'\n`);
    const run = runCli(['plan', root, '--format', 'json']);
    assert.notEqual(run.status, null, 'the CLI was killed by the timeout');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /"name": "aaaa"/);
  });
});
