// Marketplace metadata in package.json and the reusable GitHub Action in action.yml.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/runCli';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

describe('VSIX metadata', () => {
  it('has the Marketplace fields users search and link by', () => {
    for (const keyword of ['argo', 'argocd', 'argo-cd', 'gitops', 'kubernetes', 'kustomize', 'helm', 'sync-wave']) assert.ok(manifest.keywords.includes(keyword), keyword);
    assert.deepEqual(manifest.categories, ['Linters', 'Visualization']);
    assert.match(manifest.bugs.url, /^https:\/\/github\.com\/.+\/issues$/);
    assert.match(manifest.homepage, /^https:\/\//);
    assert.match(manifest.repository.url, /^https:\/\//);
    assert.ok(manifest.galleryBanner.color);
    assert.equal(manifest.contributes.configuration.title, 'SyncPlan');
  });

  it('lists no activation event VS Code already derives from the contributions', () => {
    // Since VS Code 1.74, contributed views and commands activate the extension on their own.
    const events: string[] = manifest.activationEvents;
    assert.ok(!events.some((e) => e.startsWith('onView:') || e.startsWith('onCommand:')), events.join(', '));
    const languages: string[] = (manifest.contributes.languages ?? []).map((l: { id: string }) => l.id);
    assert.ok(!events.some((e) => languages.some((id) => e === `onLanguage:${id}`)), events.join(', '));
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'));
  const stepRun = (name: string): string => action.runs.steps.find((s: { name: string }) => s.name === name).run;
  const checkStep = stepRun('Run syncplan check');
  let dir: string;
  let runnerTemp: string;
  let binDir: string;
  // The install step as the runner runs it: it packs the CLI, installs the tarball and adds its bin to GITHUB_PATH.
  before(() => {
    runnerTemp = mkdtempSync(join(tmpdir(), 'syncplan-runner-'));
    const githubPath = join(runnerTemp, 'github-path');
    const env = { ...process.env, GITHUB_ACTION_PATH: REPO_ROOT, RUNNER_TEMP: runnerTemp, GITHUB_PATH: githubPath, npm_config_cache: join(runnerTemp, 'npm-cache') };
    const install = spawnSync('bash', ['-e', '-c', stepRun('Install the packed CLI')], { cwd: runnerTemp, env, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    binDir = readFileSync(githubPath, 'utf8').trim();
  });
  after(() => rmSync(runnerTemp, { recursive: true, force: true }));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncplan-action-'));
    writeFileSync(join(dir, 'hook.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: h\n  annotations:\n    argocd.argoproj.io/hook: presync\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // Runs the action's check step as the runner would, with the installed CLI first on PATH.
  function runStep(inputs: { path?: string; format?: string; 'fail-on'?: string; output?: string }) {
    const env = {
      ...process.env,
      PATH: `${binDir}${delimiter}${process.env.PATH}`,
      SYNCPLAN_PATH: inputs.path ?? action.inputs.path.default,
      SYNCPLAN_FORMAT: inputs.format ?? action.inputs.format.default,
      SYNCPLAN_FAIL_ON: inputs['fail-on'] ?? action.inputs['fail-on'].default,
      SYNCPLAN_OUTPUT: inputs.output ?? action.inputs.output.default,
    };
    return spawnSync('bash', ['-e', '-c', checkStep], { cwd: dir, env, encoding: 'utf8' });
  }

  it('declares the inputs path, format and fail-on', () => {
    assert.deepEqual(Object.keys(action.inputs).slice(0, 3), ['path', 'format', 'fail-on']);
    assert.equal(action.runs.using, 'composite');
  });

  it('prints annotations and fails on an error by default', () => {
    const run = runStep({});
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^::error file=hook\.yaml,line=6/m);
  });

  it('fail-on never passes, fail-on warning fails on warnings, output writes SARIF', () => {
    assert.equal(runStep({ 'fail-on': 'never' }).status, 0);
    writeFileSync(join(dir, '.syncplan.yaml'), 'rules:\n  hook/unknown-type: warning\n');
    assert.equal(runStep({}).status, 0);
    assert.equal(runStep({ 'fail-on': 'warning' }).status, 1);
    assert.equal(runStep({ 'fail-on': 'sometimes' }).status, 2);
    assert.equal(runStep({ format: 'sarif', output: 'out.sarif' }).status, 0);
    assert.equal(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).version, '2.1.0');
  });
});
