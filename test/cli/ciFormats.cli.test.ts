// `--format github` and `--format markdown` as a CI job sees them.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli';

describe('syncplan CI formats', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncplan-ci-'));
    writeFileSync(join(dir, 'broken.yaml'), 'a: [\n');
    writeFileSync(join(dir, 'hook.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: h\n  annotations:\n    argocd.argoproj.io/hook: presync\n');
    writeFileSync(join(dir, '.syncplan.yaml'), 'rules:\n  hook/unknown-type: warning\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('check --format github prints one escaped workflow annotation per finding', () => {
    const run = runCli(['check', '.', '--format', 'github'], dir);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trim().split('\n');
    const hook = lines.find((l) => l.includes('hook.yaml'));
    assert.match(hook ?? '', /^::warning file=hook\.yaml,line=6,col=\d+,endLine=6,endColumn=\d+,title=SyncPlan hook\/unknown-type::.*presync/);
    const yaml = lines.find((l) => l.includes('broken.yaml'));
    assert.match(yaml ?? '', /^::error file=broken\.yaml,line=\d+,.*title=SyncPlan parse\/yaml-error::/);
    assert.ok(lines.every((l) => l.startsWith('::')), 'nothing but annotation lines: multi-line messages are escaped');
  });

  it('check --format markdown prints a summary and a findings table', () => {
    const run = runCli(['check', '.', '--format', 'markdown'], dir);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^### SyncPlan check\n\n1 error, 1 warning, 0 notes\./);
    assert.match(run.stdout, /\| Severity \| Location \| Rule \| Message \|/);
    assert.match(run.stdout, /\| warning \| `hook\.yaml:6:\d+` \| `hook\/unknown-type` \| .*presync/);
  });

  it('plan --format markdown prints the plan in a fenced block', () => {
    const run = runCli(['plan', 'examples/shop', '--format', 'markdown']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^### SyncPlan sync order\n\n\d+ applications, in the order/);
    assert.match(run.stdout, /```text\n[\s\S]*shop-root[\s\S]*1\/2 Sync · wave -1[\s\S]*```\n$/);
  });

  it('github and markdown are refused where they make no sense', () => {
    assert.equal(runCli(['plan', '--format', 'github']).status, 2);
  });
});
