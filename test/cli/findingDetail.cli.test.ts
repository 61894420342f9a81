// The explanation behind each one-sentence message: under it with --verbose, as `detail` in JSON, as a SARIF property.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli';

const HOOK_TYPO = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: check\n  annotations:\n    argocd.argoproj.io/hook: PreSnyc\n';
const DETAIL = 'Argo CD drops Pod check from the sync without any error: `PreSnyc` is not a hook type; did you mean `PreSync`?';

describe('syncplan check: finding details', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncplan-detail-'));
    writeFileSync(join(dir, 'pod.yaml'), HOOK_TYPO);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints only the message in text, and the detail indented under it with --verbose', () => {
    const plain = runCli(['check', '.'], dir).stdout;
    assert.match(plain, /Argo CD silently drops this object: `PreSnyc` is not a hook type; did you mean `PreSync`\? hook\/unknown-type/);
    assert.ok(!plain.includes(DETAIL), plain);
    const verbose = runCli(['check', '.', '--verbose'], dir).stdout.split('\n');
    const at = verbose.findIndex((line) => line.includes('hook/unknown-type'));
    assert.equal(verbose[at + 1], `           ${DETAIL}`);
  });

  it('puts the detail in JSON and in the SARIF result properties', () => {
    const json = JSON.parse(runCli(['check', '.', '--format', 'json'], dir).stdout) as { diagnostics: { code: string; message: string; detail?: string }[] };
    const record = json.diagnostics.find((d) => d.code === 'hook/unknown-type');
    assert.equal(record?.detail, DETAIL);
    const sarif = JSON.parse(runCli(['check', '.', '--format', 'sarif'], dir).stdout) as { runs: { results: { ruleId: string; properties?: { detail?: string } }[] }[] };
    assert.equal(sarif.runs[0].results.find((r) => r.ruleId === 'hook/unknown-type')?.properties?.detail, DETAIL);
  });

  it('refuses --verbose for plan', () => {
    const run = runCli(['plan', '.', '--verbose'], dir);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--verbose applies to check only/);
  });
});
