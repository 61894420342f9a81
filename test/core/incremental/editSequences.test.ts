// Property: after any sequence of edits, the memoised analysis (parse cache, with trees dropped as the language
// server drops them, and analysis memo, both kept between runs) equals a fresh `analyzeWorkspace` of the final
// texts, and its `changed` names every file whose findings and every app whose plan differ from the previous state.
// Edits are random but seeded: value and comment edits, wave changes, deletions, renames, created files (also in
// new folders), new kustomizations, new `resources:` entries and Application `path` changes (the last three move
// files between apps), and kustomizations that rename and re-point a folder's Applications. Half the repositories
// run with a memo told of created and deleted paths (no re-listing), half with one that lists every time.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWorkspace, analyzeWorkspaceInSteps } from '../../../server/src/core/analyzeWorkspace';
import type { WorkspaceAnalysis } from '../../../server/src/core/discover/appTypes';
import { AnalysisMemo } from '../../../server/src/core/incremental/analysisMemo';
import { dirnameOf, relativePath } from '../../../server/src/core/paths';
import { buildPlanReport } from '../../../server/src/core/report/planReport';
import { IncrementalParseCache } from '../../../server/src/lsp/incrementalParseCache';
import type { FileHost } from '../../../server/src/core/types';
import { MemoryWorkspace } from '../../helpers/memoryHost';

const CORPUS = '/work/shared/corpus';
const ROOT = '/ws';
/** Corpus repositories with Kustomize bases, app-of-apps, hooks and waves, small enough for a short test. */
const REPOSITORIES: [string, number, ('kargo' | 'applicationSets')?][] = [
  ['argoproj__argocd-example-apps', 16],
  ['cnoe-io__stacks', 10],
  ['redhat-cop__gitops-standards-repo-template', 10],
  ['cybozu-go__neco-apps', 5],
  // Kargo pipelines with an ApplicationSet; ApplicationSets with git generators over the repository's folders.
  ['akuity__kargo-advanced', 14, 'kargo'],
  ['aws-samples__eks-blueprints-for-terraform-workshop', 8, 'applicationSets'],
];

function load(dir: string, into = new Map<string, string>(), base = dir): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) load(path, into, base);
    else into.set(`${ROOT}/${relativePath(base, path)}`, readFileSync(path, 'utf8'));
  }
  return into;
}

function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** What the user sees: every app's plan as the view shows it, and every finding (order within the list aside). */
function observable(workspace: WorkspaceAnalysis, host: FileHost): unknown {
  const report = buildPlanReport(workspace, ROOT, (file) => host.readFile(file));
  const findings = workspace.findings.map((f) => JSON.stringify([f.file, f.span, f.code, f.severity, f.message])).sort();
  const apps = workspace.apps.map((a) => ({ id: a.id, files: [...a.files].sort(), children: a.children, objects: a.objects.map((o) => [o.id, o.source.file, o.source.span]) }));
  return { report, findings, apps };
}

/** Each file's findings and each app's plan as the view shows it, as comparable strings. */
function perFileAndApp(workspace: WorkspaceAnalysis, host: FileHost): { files: Map<string, string>; apps: Map<string, string> } {
  const files = new Map<string, string[]>();
  for (const f of workspace.findings) files.set(f.file, [...(files.get(f.file) ?? []), JSON.stringify([f.span, f.code, f.severity, f.message])]);
  const report = buildPlanReport(workspace, ROOT, (file) => host.readFile(file));
  return {
    files: new Map([...files].map(([file, list]) => [file, list.sort().join('\n')])),
    apps: new Map(report.apps.map((app) => [app.id, JSON.stringify(app)])),
  };
}

/** Keys whose values differ between two maps, including keys only one has. */
function differing(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((key) => a.get(key) !== b.get(key));
}

type Edit = (files: Map<string, string>, pick: <T>(list: T[]) => T) => string | undefined;

const yamlOf = (files: Map<string, string>): string[] => [...files.keys()].filter((f) => /\.ya?ml$/.test(f));
const lineEdit = (change: (lines: string[], at: number) => void): Edit => (files, pick) => {
  const file = pick(yamlOf(files));
  const lines = (files.get(file) ?? '').split('\n');
  change(lines, pick(lines.map((_, i) => i)));
  files.set(file, lines.join('\n'));
  return `edit ${file}`;
};

const EDIT_KINDS: Edit[] = [
  lineEdit((lines, at) => (lines[at] = `${lines[at]}x`)),
  lineEdit((lines, at) => lines.splice(at, 0, '# a comment')),
  lineEdit((lines, at) => lines.splice(at, 1)),
  lineEdit((lines, at) => lines.splice(at, 0, '    argocd.argoproj.io/sync-wave: "-2"')),
  // `{{` in a string (the file is still read as written) or where a value starts (the file becomes a template).
  (files, pick) => {
    const file = pick(yamlOf(files));
    const lines = (files.get(file) ?? '').split('\n');
    lines.splice(pick(lines.map((_, i) => i)), 0, pick(['    note: "see {{ .Values.note }}"', '    note: {{ .Values.note }}']));
    files.set(file, lines.join('\n'));
    return `braces in ${file}`;
  },
  // Another sync wave on an existing annotation.
  (files, pick) => {
    const file = pick(yamlOf(files).filter((f) => files.get(f)?.includes('sync-wave')).concat(yamlOf(files)));
    files.set(file, (files.get(file) ?? '').replace(/sync-wave: ["']?-?\d+["']?/, 'sync-wave: "7"'));
    return `wave ${file}`;
  },
  // Delete a file.
  (files, pick) => {
    const file = pick(yamlOf(files));
    files.delete(file);
    return `delete ${file}`;
  },
  // Rename a file into another folder.
  (files, pick) => {
    const file = pick(yamlOf(files));
    const target = `${dirnameOf(pick(yamlOf(files)))}/moved-${files.size}-${file.split('/').pop()}`;
    files.set(target, files.get(file) ?? '');
    files.delete(file);
    return `rename ${file} -> ${target}`;
  },
  // A new manifest beside an existing one, or in a new folder.
  (files, pick) => {
    const dir = dirnameOf(pick(yamlOf(files)));
    const folder = pick([dir, `${dir}/new-${files.size}`]);
    const file = `${folder}/created-${files.size}.yaml`;
    files.set(file, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: created-${files.size}\n  annotations:\n    argocd.argoproj.io/sync-wave: "3"\ndata:\n  key: value\n`);
    return `create ${file}`;
  },
  // A new kustomization.yaml listing the folder's manifests.
  (files, pick) => {
    const dir = dirnameOf(pick(yamlOf(files)));
    const manifests = yamlOf(files).filter((f) => dirnameOf(f) === dir && !/kustomization\.ya?ml$/.test(f)).map((f) => f.slice(dir.length + 1));
    files.set(`${dir}/kustomization.yaml`, `resources:\n${manifests.map((m) => `  - ${m}\n`).join('')}`);
    return `kustomization in ${dir}`;
  },
  // A kustomization that renames and re-points the Applications of a folder (app-of-apps through an overlay).
  (files, pick) => {
    const withApplication = yamlOf(files).filter((f) => /kind: Application\b/.test(files.get(f) ?? ''));
    if (withApplication.length === 0) return undefined;
    const dir = dirnameOf(pick(withApplication));
    const manifests = yamlOf(files).filter((f) => dirnameOf(f) === dir && !/kustomization\.ya?ml$/.test(f)).map((f) => f.slice(dir.length + 1));
    const path = relativePath(ROOT, dirnameOf(pick(yamlOf(files))));
    const patch = `patches:\n  - target: {kind: Application}\n    patch: |\n      - {op: replace, path: /spec/source/path, value: ${path}}\n`;
    files.set(`${dir}/kustomization.yaml`, `namePrefix: p${files.size}-\n${pick(['', patch])}resources:\n${manifests.map((m) => `  - ${m}\n`).join('')}`);
    return `kustomization building the Applications in ${dir}`;
  },
  // A new `resources:` entry pointing at another folder's manifest.
  (files, pick) => {
    const kustomization = yamlOf(files).filter((f) => /kustomization\.ya?ml$/.test(f));
    if (kustomization.length === 0) return undefined;
    const file = pick(kustomization);
    const target = pick(yamlOf(files));
    const relative = relativePath(dirnameOf(file), target);
    files.set(file, (files.get(file) ?? '').replace(/^resources:\s*\n/m, `resources:\n  - ${relative}\n`));
    return `resource ${relative} in ${file}`;
  },
  // An Application's path points at another folder.
  (files, pick) => {
    const withPath = yamlOf(files).filter((f) => /kind: Application\b/.test(files.get(f) ?? '') && /^\s+path: /m.test(files.get(f) ?? ''));
    if (withPath.length === 0) return undefined;
    const file = pick(withPath);
    const folder = relativePath(ROOT, dirnameOf(pick(yamlOf(files))));
    files.set(file, (files.get(file) ?? '').replace(/^(\s+)path: .*$/m, `$1path: ${folder}`));
    return `application path ${folder} in ${file}`;
  },
];

describe('core: incremental analysis equals a fresh one after random edits', function () {
  before(function () {
    if (!existsSync(CORPUS)) this.skip();
  });

  for (const [index, [repository, edits, holds]] of REPOSITORIES.entries()) {
    it(repository, () => {
      const next = random(1000 + index);
      const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
      const host = new MemoryWorkspace(load(join(CORPUS, repository)));
      const cache = new IncrementalParseCache();
      // Some repositories report created and deleted paths, like the language server; some of those also report
      // edited files, so kept queries are checked against the reported paths only (Kargo and ApplicationSets too).
      const reportsPathChanges = index % 2 === 0 || index === 5;
      const reportsFileChanges = index % 4 === 0 || index === 5;
      const memo = new AnalysisMemo({ reportsPathChanges, reportsFileChanges });
      // As the language server does after each analysis: trees of unchanged templates and object-less files dropped.
      const incremental = (): WorkspaceAnalysis => {
        const analysis = analyzeWorkspace(host, ROOT, { cache, memo });
        cache.coolUnchanged();
        return analysis;
      };
      const first = incremental();
      if (holds) assert.ok((first[holds]?.length ?? 0) > 0, `the workspace has ${holds}, so the property covers them`);
      let previous = perFileAndApp(analyzeWorkspace(host, ROOT), host);
      const history: string[] = [];
      let reused = 0;
      for (let step = 0; step < edits; step++) {
        // One edit, reported as a file watcher and the editor would: paths created and deleted, files edited.
        let listed = true;
        const edit = (): string | undefined => {
          const before = new Map(host.files);
          const what = pick(EDIT_KINDS)(host.files, pick);
          const created = [...host.files.keys()].filter((f) => !before.has(f));
          const deleted = [...before.keys()].filter((f) => !host.files.has(f));
          if (reportsPathChanges) memo.pathsCreatedOrDeleted([...created, ...deleted]);
          if (reportsFileChanges) memo.filesChanged([...host.files.keys()].filter((f) => before.has(f) && before.get(f) !== host.files.get(f)));
          if (created.length + deleted.length > 0) listed = false;
          return what;
        };
        const what = edit();
        if (!what) continue;
        history.push(what);
        // The language server drops an analysis that an edit made stale between two of its steps: sometimes an
        // analysis starts, stops after a few steps, and another edit comes before the next one.
        if (next() < 0.4) {
          const steps = analyzeWorkspaceInSteps(host, ROOT, { cache, memo });
          const count = 1 + Math.floor(next() * 12);
          let taken = 0;
          let step = steps.next();
          while (taken < count && !step.done) {
            taken++;
            step = steps.next();
          }
          if (step.done) {
            cache.coolUnchanged();
            // It ran to the end: the next analysis's `changed` is relative to it.
            const fresh = analyzeWorkspace(host, ROOT);
            assert.deepEqual(observable(step.value, host), observable(fresh, host), `after: ${history.join('; ')}`);
            previous = perFileAndApp(fresh, host);
          }
          history.push(step.done ? 'an analysis in steps' : `an analysis stopped after ${taken} steps`, edit() ?? 'no edit');
        }
        const analysis = incremental();
        const actual = observable(analysis, host);
        reused += memo.stats.reused;
        const fresh = analyzeWorkspace(host, ROOT);
        assert.deepEqual(actual, observable(fresh, host), `after: ${history.join('; ')}`);
        if (reportsPathChanges && listed) assert.equal(memo.stats.listed, false, 'not listed again when no path was created or deleted');
        // Every file whose findings changed and every app whose plan changed is named in `changed`.
        const now = perFileAndApp(fresh, host);
        const changed = analysis.changed ?? { files: [], apps: [] };
        for (const file of differing(previous.files, now.files)) assert.ok(changed.files.includes(file), `findings of ${file} changed, after: ${history.join('; ')}`);
        for (const id of differing(previous.apps, now.apps)) assert.ok(changed.apps.includes(id), `app ${id} changed, after: ${history.join('; ')}`);
        previous = now;
      }
      assert.ok(reused > 0, 'some renders were reused, so the memo was exercised');
      assert.ok(cache.coldStats.cooled > 0, 'some trees were dropped, so reading them again was exercised');
    });
  }

  it('a kustomization that renames and re-points an Application: the child follows the build, incrementally as fresh', function () {
    const host = new MemoryWorkspace(load(join(CORPUS, 'cnoe-io__stacks')));
    const memo = new AnalysisMemo({ reportsPathChanges: true });
    const cache = new IncrementalParseCache();
    analyzeWorkspace(host, ROOT, { cache, memo });
    const app = `${ROOT}/apps-x/app.yaml`;
    const kustomization = `${ROOT}/apps-x/kustomization.yaml`;
    const overlay = (path: string) => `namePrefix: p-\nresources: [app.yaml]\npatches:\n  - target: {kind: Application}\n    patch: |\n      - {op: replace, path: /spec/source/path, value: ${path}}\n`;
    const steps: [string, () => void][] = [
      ['an Application', () => host.files.set(app, 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: x, namespace: argocd}\nspec:\n  destination: {namespace: x}\n  source: {path: local-backup/minio}\n')],
      ['a kustomization building it', () => host.files.set(kustomization, overlay('local-backup/velero'))],
      ['its patch re-pointed', () => host.files.set(kustomization, overlay('ref-implementation/backstage'))],
      ['the kustomization deleted', () => host.files.delete(kustomization)],
    ];
    const built: string[] = [];
    for (const [what, edit] of steps) {
      const before = new Set(host.files.keys());
      edit();
      memo.pathsCreatedOrDeleted([...new Set([...before, ...host.files.keys()])].filter((f) => before.has(f) !== host.files.has(f)));
      const analysis = analyzeWorkspace(host, ROOT, { cache, memo });
      assert.deepEqual(observable(analysis, host), observable(analyzeWorkspace(host, ROOT), host), `after ${what}`);
      built.push(analysis.apps.filter((a) => a.builtBy !== undefined).map((a) => `${a.name} ${relativePath(ROOT, a.path)}`).join(', '));
    }
    assert.deepEqual(built, ['', 'p-x local-backup/velero', 'p-x ref-implementation/backstage', '']);
  });

  it('a comment edit re-plans nothing and changes no app; an unchanged workspace is not listed again', function () {
    const host = new MemoryWorkspace(load(join(CORPUS, 'argoproj__argocd-example-apps')));
    const memo = new AnalysisMemo({ reportsPathChanges: true });
    const cache = new IncrementalParseCache();
    const first = analyzeWorkspace(host, ROOT, { cache, memo });
    assert.deepEqual(first.changed?.apps, first.apps.map((a) => a.id).sort(), 'the first analysis names every app');
    const file = `${ROOT}/sync-waves/manifests.yaml`;
    host.files.set(file, `${host.files.get(file) ?? ''}\n# a comment`);
    const workspace = analyzeWorkspace(host, ROOT, { cache, memo });
    assert.equal(memo.stats.listed, false, 'no path was created or deleted, so the list is kept');
    assert.ok((memo.stats.queries.render?.computed ?? 0) > 0, 'the apps reading the file rendered again');
    assert.equal(memo.stats.queries.plan?.computed ?? 0, 0, 'their objects are the same, so nothing is planned again');
    assert.deepEqual(workspace.changed, { files: [], apps: [] });
    // A created file, reported, is listed without a walk and changes the app of its folder.
    const created = `${ROOT}/sync-waves/extra.yaml`;
    host.files.set(created, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n');
    memo.pathsCreatedOrDeleted([created]);
    const after = analyzeWorkspace(host, ROOT, { cache, memo });
    assert.equal(memo.stats.listed, false);
    assert.ok(after.files.includes(created));
    assert.deepEqual(after.changed?.apps, after.apps.filter((a) => a.files.includes(created)).map((a) => a.id).sort());
  });

  it('an edit re-renders only the apps that read the edited file', function () {
    const host = new MemoryWorkspace(load(join(CORPUS, 'argoproj__argocd-example-apps')));
    const memo = new AnalysisMemo();
    const cache = new IncrementalParseCache();
    analyzeWorkspace(host, ROOT, { cache, memo });
    analyzeWorkspace(host, ROOT, { cache, memo });
    assert.equal(memo.stats.computed, 0, 'nothing changed, nothing is rendered');
    const file = `${ROOT}/sync-waves/manifests.yaml`;
    host.files.set(file, (host.files.get(file) ?? '').replace('sync-wave: "2"', 'sync-wave: "9"'));
    const workspace = analyzeWorkspace(host, ROOT, { cache, memo });
    // The sync-waves folder is rendered twice per analysis: as a standalone folder, then as the Application the
    // `apps` chart renders, which replaces it. Both read the edited file; no other app is rendered again.
    assert.equal(memo.stats.computed, 2, 'only the two renders of the sync-waves folder are computed again');
    assert.ok(workspace.apps.some((a) => a.path.endsWith('/sync-waves') && a.id.includes('@helm:apps')), 'sync-waves is a child of the apps chart');
    assert.ok(memo.stats.reused >= workspace.apps.length - 1);
  });
});
