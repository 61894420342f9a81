// The workspace gate: links out of the root, FIFOs, oversize files and symlink loops (issue 7 items 1-3).
// Fixtures with links and pipes are made at test time in a temporary folder.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import { readWorkspaceRepository } from '../../../server/src/core/discover/workspaceRepository';
import { SafeHost } from '../../../server/src/core/safeHost';
import { nodeFileHost } from '../../../server/src/workspace/nodeFileHost';
import { runCli } from '../../helpers/runCli';

const SECRET = 'kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: top-secret-outside\n';
const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: inside\n';

describe('workspace gate', () => {
  let base: string;
  let root: string;
  let outside: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'syncplan-gate-'));
    root = join(base, 'ws');
    outside = join(base, 'outside');
    mkdirSync(root);
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.yaml'), SECRET);
    writeFileSync(join(root, 'cm.yaml'), MANIFEST);
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  const analyze = (maxFileSize?: number) => analyzeWorkspace(nodeFileHost(), root, { maxFileSize });
  const codes = (analysis: ReturnType<typeof analyze>) => analysis.findings.map((f) => `${f.code} ${f.file.slice(root.length + 1)}`).sort();
  const objectNames = (analysis: ReturnType<typeof analyze>) => analysis.apps.flatMap((a) => a.objects.map((o) => o.name)).sort();

  it('does not read a file linked from outside the root, and names the link', () => {
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'secret.yaml'));
    const analysis = analyze();
    assert.deepEqual(codes(analysis), ['workspace/outside-link secret.yaml']);
    assert.ok(!JSON.stringify(analysis).includes('top-secret-outside'), 'nothing of the target is in the result');
    assert.match(analysis.findings[0].message, /^secret\.yaml is a link/);
  });

  it('does not walk a folder linked from outside the root', () => {
    symlinkSync(outside, join(root, 'etc'));
    const analysis = analyze();
    assert.deepEqual(codes(analysis), ['workspace/outside-link etc']);
    assert.deepEqual(objectNames(analysis), ['inside']);
  });

  it('does not follow a kustomization resource that is a link out of the root', () => {
    mkdirSync(join(root, 'k'));
    writeFileSync(join(root, 'k', 'kustomization.yaml'), 'resources:\n- leak.yaml\n');
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'k', 'leak.yaml'));
    const analysis = analyze();
    assert.ok(codes(analysis).includes('workspace/outside-link k/leak.yaml'), codes(analysis).join(', '));
    assert.ok(!JSON.stringify(analysis).includes('top-secret-outside'));
  });

  it('reads a link whose target stays inside the root', () => {
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real', 'a.yaml'), MANIFEST.replace('inside', 'linked'));
    symlinkSync(join(root, 'real'), join(root, 'alias'));
    const analysis = analyze();
    assert.deepEqual(codes(analysis), []);
    assert.ok(objectNames(analysis).includes('linked'));
  });

  it('skips a file over the size cap with a finding', () => {
    writeFileSync(join(root, 'big.yaml'), `${MANIFEST}# ${'x'.repeat(2000)}\n`);
    const analysis = analyze(1000);
    assert.deepEqual(codes(analysis), ['workspace/file-too-large big.yaml']);
    assert.deepEqual(objectNames(analysis), ['inside']);
  });

  it('ends at once on two self-links and makes no phantom apps from a loop link', () => {
    symlinkSync('.', join(root, 'a'));
    symlinkSync('.', join(root, 'b'));
    mkdirSync(join(root, 'app'));
    writeFileSync(join(root, 'app', 'cm.yaml'), MANIFEST.replace('inside', 'app-cm'));
    symlinkSync('..', join(root, 'app', 'loop'));
    const analysis = analyze();
    assert.equal(analysis.files.length, 2, analysis.files.join(', '));
    assert.deepEqual(analysis.apps.map((a) => a.path).filter((p) => p.includes('loop')), [], 'no phantom loop/loop apps');
    assert.deepEqual(objectNames(analysis), ['app-cm', 'inside']);
  });

  it('walks a chart with a loop link once and reports that helm fails to load it (fuzz input 19972)', () => {
    rmSync(join(root, 'cm.yaml'));
    mkdirSync(join(root, 'templates'));
    writeFileSync(join(root, 'Chart.yaml'), 'apiVersion: v2\nname: looped\nversion: 0.1.0\n');
    writeFileSync(join(root, 'templates', 'cm.yaml'), MANIFEST);
    symlinkSync('.', join(root, 'templates', 'loop'));
    const app = analyze().apps.find((a) => a.sourceType === 'helm');
    assert.ok(app, 'the chart is an app');
    assert.equal(app.complete, false);
    assert.match(app.incompleteReasons.join(' '), /templates\/loop leads back into the chart/);
  });

  it('never opens a FIFO (the CLI finishes within the subprocess timeout)', function () {
    try {
      execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    } catch {
      this.skip();
    }
    // Paths are printed relative to the current directory, so run from the workspace.
    const run = runCli(['check', '.', '--format', 'json'], root);
    assert.notEqual(run.status, null, 'the CLI did not finish: it opened the pipe');
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; file: string }[] };
    assert.deepEqual(report.diagnostics.map((f) => [f.code, f.file]), [['workspace/not-regular-file', 'pipe.yaml']]);
  });

  it('the CLI never prints an outside target, in any output format', () => {
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'secret.yaml'));
    for (const args of [['check', '.'], ['check', '.', '--format', 'json'], ['plan', '.'], ['plan', '.', '--format', 'json']]) {
      const run = runCli(args, root);
      assert.ok(!`${run.stdout}${run.stderr}`.includes('top-secret-outside'), args.join(' '));
    }
  });

  it('the CLI takes --max-file-size', () => {
    writeFileSync(join(root, 'big.yaml'), `${MANIFEST}# ${'x'.repeat(200)}\n`);
    const run = runCli(['check', root, '--format', 'json', '--max-file-size', '100']);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string }[] };
    assert.deepEqual(report.diagnostics.map((f) => f.code), ['workspace/file-too-large']);
    assert.equal(runCli(['check', root, '--max-file-size', 'lots']).status, 2);
  });

  it('reads the enclosing checkout\'s Git config above the root, silently, and nothing else there', () => {
    mkdirSync(join(base, '.git'));
    writeFileSync(join(base, '.git', 'config'), '[remote "origin"]\n\turl = https://example.com/org/gitops.git\n');
    const analysis = analyze();
    assert.deepEqual(codes(analysis), [], 'no outside-link finding for the checkout\'s metadata');
    assert.deepEqual(readWorkspaceRepository(new SafeHost(nodeFileHost(), root), root).urls, ['https://example.com/org/gitops']);
    // A manifest that is a link to that config is still refused.
    symlinkSync(join(base, '.git', 'config'), join(root, 'config.yaml'));
    assert.deepEqual(codes(analyze()), ['workspace/outside-link config.yaml']);
  });
});
