// Globs from the workspace run in linear time (issue 7 item 5). Each case is a CLI subprocess: a hang shows as
// the process being killed by its timeout, never as a timed assertion.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/runCli';

const BOMB = '*a*a*a*a*a*a*a*a*a*a*b';
const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\n';

describe('globs from the workspace', () => {
  let root: string;
  let deep: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'syncplan-glob-'));
    // A path of 3,500 `a`s (fourteen folders of 249 characters; Linux paths stop at 4,096), the file at the bottom.
    const segments = Array.from({ length: 14 }, () => 'a'.repeat(249));
    deep = join('app', ...segments);
    mkdirSync(join(root, deep), { recursive: true });
    writeFileSync(join(root, deep, 'aaaa.yaml'), MANIFEST);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it(`an exclude glob ${BOMB} against a 3,500-character path ends`, () => {
    const run = runCli(['plan', root, '--format', 'json', '--exclude', BOMB]);
    assert.notEqual(run.status, null, 'the CLI was killed by the timeout');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /"name": "deep"/, 'the path does not end in b, so it is not excluded');
  });

  it(`a directory include glob ${BOMB} ends and matches as gobwas/glob does`, () => {
    writeFileSync(
      join(root, 'application.yaml'),
      `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: bomb\nspec:\n  source:\n    path: app\n    directory:\n      recurse: true\n      include: '${BOMB}'\n`,
    );
    const run = runCli(['plan', root, '--format', 'json']);
    assert.notEqual(run.status, null, 'the CLI was killed by the timeout');
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { apps: { name: string; steps?: unknown[]; resources?: unknown[] }[] };
    const app = report.apps.find((a) => a.name === 'bomb');
    assert.ok(app, 'the Application is planned');
    assert.doesNotMatch(JSON.stringify(app), /"name": ?"deep"/, 'no file matches the include pattern');
  });

  it(`ApplicationSet git generator paths ${BOMB} (path.Match and pathspec) end and match nothing`, () => {
    writeFileSync(join(root, '.syncplan.yaml'), 'repositories: [https://example.com/repo.git]\n');
    const generator = (kind: string) => `    - git:\n        repoURL: https://example.com/repo.git\n        revision: HEAD\n        ${kind}:\n          - path: '${BOMB}'\n`;
    writeFileSync(
      join(root, 'appset.yaml'),
      `apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: bombset\nspec:\n  generators:\n${generator('directories')}${generator('files')}  template:\n    metadata:\n      name: 'gen-{{path.basename}}'\n    spec:\n      project: default\n      source:\n        repoURL: https://example.com/repo.git\n        path: '{{path}}'\n      destination:\n        server: https://kubernetes.default.svc\n        namespace: x\n`,
    );
    const run = runCli(['plan', root, '--format', 'json']);
    assert.notEqual(run.status, null, 'the CLI was killed by the timeout');
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { applicationSets: { name: string; apps: string[] }[] };
    assert.deepEqual(report.applicationSets.find((a) => a.name === 'bombset')?.apps, [], 'no path ends in b');
  });

  it(`a chart's .Files.Glob ${BOMB} ends and matches nothing`, () => {
    const chart = join(root, 'chart');
    mkdirSync(join(chart, 'templates'), { recursive: true });
    mkdirSync(join(chart, 'files'));
    writeFileSync(join(chart, 'files', 'a'.repeat(249)), 'x');
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: chart\nversion: 0.1.0\n');
    writeFileSync(
      join(chart, 'templates', 'cm.yaml'),
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: globbed\ndata:\n  count: "{{ len (.Files.Glob "files/${BOMB}") }}"\n`,
    );
    const run = runCli(['plan', chart, '--format', 'json']);
    assert.notEqual(run.status, null, 'the CLI was killed by the timeout');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /"name": "globbed"/, 'the chart renders');
  });
});
