// Problems with `.syncplan.yaml` are error-level findings in every `check` format, so CI fails on a typo.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli';

const CONFIG = ['rules:', '  hook/unknwn-type: warning', '  k8s/shell-syntax: loud', 'exlude: []', ''].join('\n');

describe('syncplan check: .syncplan.yaml problems', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncplan-config-'));
    writeFileSync(join(dir, 'ok.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n');
    writeFileSync(join(dir, '.syncplan.yaml'), CONFIG);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('json: one error per problem, at the entry it is about', () => {
    const run = runCli(['check', '.', '--format', 'json'], dir);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, '');
    const found = JSON.parse(run.stdout).diagnostics.map((d: { file: string; line: number; code: string; severity: string; message: string }) => [d.file, d.line, d.code, d.severity, d.message]);
    assert.deepEqual(found, [
      ['.syncplan.yaml', 2, 'syncplan/config', 'error', 'Unknown rule code "hook/unknwn-type"; did you mean "hook/unknown-type"?'],
      ['.syncplan.yaml', 3, 'syncplan/config', 'error', 'The severity of "k8s/shell-syntax" must be one of error, warning, info, hint, off (found "loud").'],
      ['.syncplan.yaml', 4, 'syncplan/config', 'error', 'Unknown key "exlude" in .syncplan.yaml (expected "rules", "exclude", "repositories", "helm").'],
    ]);
  });

  it('text, github, markdown and sarif show them too', () => {
    const text = runCli(['check', '.'], dir);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /\.syncplan\.yaml/);
    assert.match(text.stdout, /3 errors/);
    const github = runCli(['check', '.', '--format', 'github'], dir);
    assert.equal(github.status, 1);
    assert.match(github.stdout, /^::error file=\.syncplan\.yaml,line=4,.*title=SyncPlan syncplan\/config::Unknown key "exlude"/m);
    const markdown = runCli(['check', '.', '--format', 'markdown'], dir);
    assert.match(markdown.stdout, /^3 errors, 0 warnings, 0 notes\./m);
    assert.match(markdown.stdout, /\| error \| `\.syncplan\.yaml:3:\d+` \| `syncplan\/config` \|/);
    const sarif = JSON.parse(runCli(['check', '.', '--format', 'sarif'], dir).stdout);
    const [sarifRun] = sarif.runs;
    assert.equal(sarifRun.results.length, 3);
    assert.ok(sarifRun.results.every((r: { ruleId: string; level: string }) => r.ruleId === 'syncplan/config' && r.level === 'error'));
    assert.match(sarifRun.tool.driver.rules[0].helpUri, /#configuring-severities$/);
  });

  it('the valid entries still apply, and a clean config adds nothing', () => {
    writeFileSync(join(dir, 'hook.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: h\n  annotations:\n    argocd.argoproj.io/hook: presync\n');
    writeFileSync(join(dir, '.syncplan.yaml'), 'rules:\n  hook/unknown-type: off\n  nope/nope: off\n');
    const run = runCli(['check', '.', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(run.stdout).diagnostics.map((d: { code: string }) => d.code), ['syncplan/config']);
    writeFileSync(join(dir, '.syncplan.yaml'), 'rules:\n  hook/unknown-type: off\n');
    assert.equal(runCli(['check', '.'], dir).status, 0);
  });

  it('the config can turn its own problems down, like any code', () => {
    writeFileSync(join(dir, '.syncplan.yaml'), 'rules:\n  syncplan/config: warning\n  nope/nope: off\n');
    const run = runCli(['check', '.', '--format', 'json'], dir);
    assert.equal(run.status, 0, run.stdout);
    assert.deepEqual(JSON.parse(run.stdout).diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity]), [['syncplan/config', 'warning']]);
  });

  it('plan still prints the plan and names the problems on stderr', () => {
    const run = runCli(['plan', '.'], dir);
    assert.equal(run.status, 0);
    assert.match(run.stderr, /^syncplan: \.syncplan\.yaml:4:1: Unknown key "exlude"/m);
  });
});
