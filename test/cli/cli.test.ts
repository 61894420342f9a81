// The CLI as a subprocess: output shapes, exit codes and configuration.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, corpusRoot, REPO_ROOT, runCli } from '../helpers/runCli';

describe('syncplan CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncplan-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--version prints the version from package.json and exits 0', () => {
    const expected = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-v']) {
      const run = runCli([flag]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout.trim(), expected);
    }
  });

  it('an unknown option suggests the nearest one and exits 2', () => {
    const run = runCli(['check', '--fromat', 'json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown option --fromat; did you mean --format\?/);
    const far = runCli(['check', '--zzzzzzzz']);
    assert.equal(far.status, 2);
    assert.match(far.stderr, /unknown option --zzzzzzzz\n/, 'no suggestion when nothing is close');
    const command = runCli(['chekc']);
    assert.equal(command.status, 2);
    assert.match(command.stderr, /unknown command "chekc"; did you mean "check"\?/);
  });

  it('help and --help print per-command usage and exit 0', () => {
    const general = runCli(['help']);
    assert.equal(general.status, 0);
    assert.match(general.stdout, /syncplan plan .*\n.*syncplan check/);
    assert.equal(runCli(['--help']).stdout, general.stdout);
    for (const args of [['help', 'check'], ['check', '--help'], ['check', '-h']]) {
      const run = runCli(args);
      assert.equal(run.status, 0, args.join(' '));
      assert.match(run.stdout, /^Usage: syncplan check/);
      assert.match(run.stdout, /--max-warnings N/);
      assert.match(run.stdout, /text \| json \| sarif \| github \| markdown/);
    }
    const plan = runCli(['plan', '--help']);
    assert.match(plan.stdout, /^Usage: syncplan plan/);
    assert.doesNotMatch(plan.stdout, /--max-warnings/);
  });

  it('--max-warnings N fails check when warnings exceed N', () => {
    // Two hooks of an unknown type, configured down to warnings, give two warnings and no error.
    writeFileSync(join(dir, '.syncplan.yaml'), 'rules:\n  hook/unknown-type: warning\n');
    const hook = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  annotations:\n    argocd.argoproj.io/hook: PreSnyc\n`;
    writeFileSync(join(dir, 'a.yaml'), hook('a'));
    writeFileSync(join(dir, 'b.yaml'), hook('b'));
    const json = JSON.parse(runCli(['check', dir, '--format', 'json']).stdout) as { diagnostics: { severity: string }[] };
    const warnings = json.diagnostics.filter((d) => d.severity === 'warning').length;
    assert.ok(warnings >= 2 && json.diagnostics.every((d) => d.severity !== 'error'), JSON.stringify(json));
    assert.equal(runCli(['check', dir]).status, 0);
    assert.equal(runCli(['check', dir, '--max-warnings', String(warnings)]).status, 0);
    const over = runCli(['check', dir, '--max-warnings', String(warnings - 1)]);
    assert.equal(over.status, 1);
    assert.match(over.stderr, new RegExp(`${warnings} warnings found; --max-warnings allows ${warnings - 1}`));
    assert.equal(runCli(['check', dir, '--max-warnings', 'many']).status, 2);
  });

  it('the summary line counts with singular and plural nouns', () => {
    writeFileSync(join(dir, 'broken.yaml'), 'a: [\n');
    const one = runCli(['check', dir]);
    assert.match(one.stdout, /1 error, 0 warnings, 0 notes/);
    writeFileSync(join(dir, 'broken2.yaml'), 'b: [\n');
    assert.match(runCli(['check', dir]).stdout, /2 errors, 0 warnings/);
  });

  it('plan --format json prints the documented shape for the bundled example', () => {
    const run = runCli(['plan', 'examples/shop', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.version, 1);
    const root = report.apps.find((a: { name: string }) => a.name === 'shop-root');
    assert.ok(root, 'the app-of-apps is named after its Application');
    // Paths are relative to the current directory (here the repository root), as in `check`.
    assert.equal(root.path, 'examples/shop/argocd/apps');
    assert.equal(root.source, 'directory');
    assert.deepEqual(root.definedBy, { file: 'examples/shop/argocd/root.yaml', line: 2 });
    assert.deepEqual(
      root.steps.map((s: { phase: string; wave: number; resources: { name: string }[] }) => [s.phase, s.wave, s.resources.map((r) => r.name)]),
      [['Sync', -1, ['platform']], ['Sync', 1, ['shortlink-prod']]],
    );
    for (const key of ['complete', 'syncFail', 'skipped', 'dropped', 'deleteHooks']) assert.ok(key in root, key);
    const resource = root.steps[0].resources[0];
    assert.deepEqual(
      { group: resource.group, kind: resource.kind, namespace: resource.namespace, hook: resource.hook, file: resource.file, line: resource.line },
      { group: 'argoproj.io', kind: 'Application', namespace: 'argocd', hook: false, file: 'examples/shop/argocd/apps/platform.yaml', line: 1 },
    );
    const inside = JSON.parse(runCli(['plan', '.', '--format', 'json'], join(REPO_ROOT, 'examples', 'shop')).stdout);
    assert.equal(inside.apps.find((a: { name: string }) => a.name === 'shop-root').path, 'argocd/apps');
  });

  it('the bundled example plans its child apps inside a checkout whose remote is another repository', () => {
    // CI clones this project, so examples/shop sits in a checkout whose origin is not the shop's repository;
    // the example's .syncplan.yaml names the repository its Applications point at.
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'config'), '[remote "origin"]\n\turl = https://example.com/someone-else/tooling.git\n');
    cpSync(join(REPO_ROOT, 'examples', 'shop'), join(dir, 'shop'), { recursive: true });
    const report = JSON.parse(runCli(['plan', 'shop', '--format', 'json'], dir).stdout) as { apps: { name: string; path: string; complete: boolean }[] };
    const platform = report.apps.find((a) => a.name === 'platform');
    assert.equal(platform?.path, 'shop/platform', JSON.stringify(report.apps.map((a) => [a.name, a.path])));
    rmSync(join(dir, 'shop', '.syncplan.yaml'));
    const foreign = JSON.parse(runCli(['plan', 'shop', '--format', 'json'], dir).stdout) as { apps: { name: string; path: string }[] };
    assert.notEqual(foreign.apps.find((a) => a.name === 'platform')?.path, 'shop/platform', 'without the list the remote decides');
  });

  it('plan text output groups steps per application', () => {
    const run = runCli(['plan', 'examples/shop']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /shop-root .*argocd\/apps/);
    assert.match(run.stdout, /1\/2 Sync · wave -1/);
    assert.doesNotMatch(run.stdout, /\u001b\[/, 'no colours when NO_COLOR is set');
  });

  it('plan text nests each child app under the step that applies it, in sync order, with one notes block', () => {
    const lines = runCli(['plan', '.'], join(REPO_ROOT, 'examples', 'shop')).stdout.split('\n');
    const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
    const indent = (i: number) => /^ */.exec(lines[i])![0].length;
    const rootApp = at(/^shop-root /);
    assert.equal(rootApp, -1, 'shop-root is not a top-level block');
    const shopRoot = at(/^ +shop-root \(directory, argocd\/apps/);
    const platformStep = at(/· Application argocd\/platform /);
    const platform = at(/^ +platform \(directory, platform;/);
    const prodStep = at(/· Application argocd\/shortlink-prod /);
    const prod = at(/^ +shortlink-prod \(kustomize/);
    assert.ok(shopRoot > 0 && shopRoot < platformStep && platformStep + 1 === platform && platform < prodStep && prodStep + 1 === prod, lines.join('\n'));
    assert.ok(indent(platform) > indent(shopRoot) && indent(prod) === indent(platform));
    assert.equal(lines.filter((l) => /Prune tasks depend on what is live/.test(l)).length, 1, 'a caveat every app shares is printed once');
    assert.match(lines[at(/does not exist yet, Argo CD creates it/)], /\(platform, shortlink-prod\)$/, 'a caveat of some apps names them');
    assert.ok(at(/^Notes$/) > prod, 'the notes come after every app');
    assert.ok(!lines.some((l) => /^ +note:/.test(l)));
  });

  it('plan text names an app shown under an earlier parent, and nests generated apps under their ApplicationSet', () => {
    const write = (path: string, text: string): void => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    const app = (name: string, path: string): string =>
      `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: ${name}, namespace: argocd}\nspec:\n  destination: {namespace: argocd}\n  source: {path: ${path}}\n`;
    write('apps.yaml', `${app('east', 'platform')}---\n${app('west', 'platform')}`);
    write('platform/Chart.yaml', 'apiVersion: v2\nname: platform\nversion: 1.0.0\n');
    write('platform/templates/a.yaml', app('team-a', 'teams/a'));
    write(
      'platform/templates/set.yaml',
      'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata: {name: teams, namespace: argocd}\nspec:\n  generators: [{list: {elements: [{team: b}]}}]\n' +
        "  template:\n    metadata: {name: 'team-{{`{{team}}`}}'}\n    spec:\n      project: default\n      source: {repoURL: https://example.com/r.git, path: 'teams/{{`{{team}}`}}'}\n      destination: {server: https://kubernetes.default.svc, namespace: team}\n",
    );
    for (const team of ['a', 'b']) write(`teams/${team}/cm.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${team}}\n`);
    const run = runCli(['plan', '.'], dir);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    const all = (pattern: RegExp): number[] => lines.flatMap((l, i) => (pattern.test(l) ? [i] : []));
    // Each child's plan once, under east; under west, a line that points at it.
    assert.equal(all(/^ +team-a \(directory/).length, 1, run.stdout);
    assert.equal(all(/^ +team-b \(directory/).length, 1, run.stdout);
    assert.equal(all(/^ +team-a \(its plan is shown above\)/).length, 1, run.stdout);
    assert.equal(all(/^ +team-b \(its plan is shown above\)/).length, 1, run.stdout);
    const set = all(/· ApplicationSet argocd\/teams /)[0];
    assert.match(lines[set + 1], /^ +team-b \(directory, teams\/b; generated by ApplicationSet teams/, run.stdout);
    assert.ok(all(/^ +west \(/)[0] < all(/team-a \(its plan is shown above\)/)[0], run.stdout);
    assert.ok(!lines.some((l) => /Child applications:/.test(l)), run.stdout);
    // App ids name template files relative to the workspace, so the JSON is the same in every checkout.
    const json = runCli(['plan', '.', '--format', 'json'], dir);
    const ids: string[] = JSON.parse(json.stdout).apps.flatMap((a: { id: string; children: string[] }) => [a.id, ...a.children]);
    assert.ok(ids.some((id) => id.startsWith('application:platform/templates/')), ids.join('\n'));
    assert.ok(!ids.some((id) => id.includes(dir)), ids.join('\n'));
  });

  it('check reports a YAML error with 1-based positions and exits 1', () => {
    writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: [\n');
    const run = runCli(['check', dir, '--format', 'json'], dir);
    assert.equal(run.status, 1, run.stderr);
    const { version, diagnostics } = JSON.parse(run.stdout);
    assert.equal(version, 1);
    const error = diagnostics.find((d: { code: string }) => d.code === 'parse/yaml-error');
    assert.ok(error, run.stdout);
    assert.equal(error.file, 'broken.yaml');
    assert.equal(error.severity, 'error');
    assert.ok(error.line >= 5 && error.column >= 1 && error.endLine >= error.line, JSON.stringify(error));
  });

  it('check exits 0 when there is nothing at error level', () => {
    writeFileSync(join(dir, 'ok.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n');
    const run = runCli(['check', dir]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /No problems found/);
  });

  it('.syncplan.yaml can turn a code off, and --config points elsewhere', () => {
    writeFileSync(join(dir, 'broken.yaml'), 'a: [\n');
    writeFileSync(join(dir, '.syncplan.yaml'), 'rules:\n  parse/yaml-error: off\n');
    assert.equal(runCli(['check', dir]).status, 0);
    writeFileSync(join(dir, 'other.yaml'), 'rules:\n  parse/yaml-error: warning\n');
    const run = runCli(['check', dir, '--config', join(dir, 'other.yaml'), '--format', 'json'], dir);
    assert.equal(run.status, 0);
    assert.equal(JSON.parse(run.stdout).diagnostics[0].severity, 'warning');
  });

  it('check --format sarif prints SARIF 2.1.0 with rule ids and regions', () => {
    writeFileSync(join(dir, 'broken.yaml'), 'a: [\n');
    const run = runCli(['check', dir, '--format', 'sarif'], dir);
    assert.equal(run.status, 1);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    assert.equal(runResult.tool.driver.name, 'SyncPlan');
    assert.ok(runResult.tool.driver.rules.some((r: { id: string }) => r.id === 'parse/yaml-error'));
    const [result] = runResult.results;
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'broken.yaml');
    assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
  });

  it('exits 2 on usage errors and unreadable input', () => {
    assert.equal(runCli(['frobnicate']).status, 2);
    assert.equal(runCli(['plan', '--format', 'sarif']).status, 2);
    assert.equal(runCli(['check', join(dir, 'does-not-exist')]).status, 2);
    assert.equal(runCli(['check', dir, '--config', join(dir, 'missing.yaml')]).status, 2);
  });

  it('plan over the whole corpus finishes without a crash', function () {
    const corpus = corpusRoot();
    if (!corpus) this.skip();
    const run = runCli(['plan', corpus as string, '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(JSON.parse(run.stdout).apps.length > 100);
  });

  it('stops quietly when the reader closes the pipe early (| true, | head)', () => {
    // `true` exits before the CLI has started, so every write meets a closed pipe.
    const run = spawnSync('bash', ['-c', `node "${CLI}" plan examples/shop --format json | true; echo "status \${PIPESTATUS[0]}"`], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.doesNotMatch(run.stderr, /EPIPE|Error/, run.stderr);
    assert.match(run.stdout, /status 0/);
  });
});
