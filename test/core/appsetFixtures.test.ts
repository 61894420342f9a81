// Runs the ApplicationSet fixtures in test/core/appset/*.yaml. A case gives its workspace as `files` (or a
// corpus folder with optional text `mutations`) and expects, per ApplicationSet name, the generated
// Application names in order (`apps`), RollingSync steps (`rollingSync`), chosen fields of generated Applications (`fields`: app name to
// dotted path to value; null for absent), which ApplicationSets are not expandable (`notExpandable`), and exactly the
// appset/* and rollingsync/* findings listed (`findings`: "code file:line").

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { analyzeWorkspace } from '../../server/src/core/analyzeWorkspace';
import { buildPlanReport } from '../../server/src/core/report/planReport';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { corpusRoot } from '../helpers/runCli';
import { filesUnder, memoryHost } from '../helpers/memoryHost';

interface AppSetCase {
  name: string;
  files?: Record<string, string>;
  corpus?: string;
  mutations?: { file: string; from: string; to: string }[];
  expect: {
    apps?: Record<string, string[]>;
    fields?: Record<string, Record<string, unknown>>;
    notExpandable?: string[];
    /** Per ApplicationSet: "step N max=<written>/<scaled> -> apps" lines, then "unselected -> apps". */
    rollingSync?: Record<string, string[]>;
    findings: string[];
  };
}

const ROOT = '/ws';
const dir = join(__dirname, 'appset');

function workspaceOf(testCase: AppSetCase): Record<string, string> | undefined {
  let files = { ...(testCase.files ?? {}) };
  if (testCase.corpus) {
    const root = corpusRoot();
    if (!root || !existsSync(join(root, testCase.corpus))) return undefined;
    // `files` next to `corpus` are added to the corpus folder (a .syncplan.yaml, for example).
    files = { ...filesUnder(join(root, testCase.corpus)), ...files };
  }
  for (const mutation of testCase.mutations ?? []) {
    const text = files[mutation.file];
    assert.ok(text?.includes(mutation.from), `mutation text not found in ${mutation.file}: ${mutation.from}`);
    files[mutation.file] = text.replace(mutation.from, mutation.to);
  }
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [`${ROOT}/${path}`, text]));
}

function valueAt(body: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), body);
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const { cases } = parse(readFileSync(join(dir, file), 'utf8')) as { cases: AppSetCase[] };
  describe(`ApplicationSet fixtures: ${file}`, () => {
    for (const testCase of cases) {
      it(testCase.name, function () {
        const files = workspaceOf(testCase);
        if (!files) return this.skip();
        const workspace = analyzeWorkspace(memoryHost(files), ROOT);
        const report = buildPlanReport(workspace, ROOT, (p) => files[p]);
        const expansions = workspace.applicationSets ?? [];
        if (testCase.expect.apps) {
          // Keys are ApplicationSet names, or `name@file` where several files reuse a name.
          const keyOf = (a: { name: string; file: string }): string => (`${a.name}@${a.file}` in testCase.expect.apps! ? `${a.name}@${a.file}` : a.name);
          const apps = Object.fromEntries((report.applicationSets ?? []).filter((a) => keyOf(a) in testCase.expect.apps!).map((a) => [keyOf(a), a.apps]));
          assert.deepEqual(apps, testCase.expect.apps);
        }
        for (const [appName, fields] of Object.entries(testCase.expect.fields ?? {})) {
          const app = expansions.flatMap((e) => e.apps).find((a) => a.name === appName);
          assert.ok(app, `no generated Application ${appName}`);
          for (const [path, value] of Object.entries(fields)) assert.deepEqual(valueAt(app.body, path) ?? null, value ?? null, `${appName} ${path}`);
        }
        for (const [name, lines] of Object.entries(testCase.expect.rollingSync ?? {})) {
          const rolling = report.applicationSets?.find((a) => a.name === name)?.rollingSync;
          assert.ok(rolling, `no RollingSync plan for ${name}`);
          const actual = rolling.steps.map((s) => `step ${s.step} max=${s.maxUpdate ?? '-'}/${s.maxUpdateScaled ?? '?'} -> ${s.apps.join(',')}`);
          assert.deepEqual([...actual, `unselected -> ${rolling.unselected.join(',')}`], lines);
        }
        const notExpandable = (report.applicationSets ?? []).filter((a) => !a.expandable).map((a) => a.name).sort();
        assert.deepEqual(notExpandable, [...(testCase.expect.notExpandable ?? [])].sort());
        const findings = workspace.findings
          .filter((f) => f.code.startsWith('appset/') || f.code.startsWith('rollingsync/'))
          .map((f) => `${f.code} ${relative(ROOT, f.file)}:${new LineIndex(files[f.file] ?? '').positionAt(f.span.start).line + 1}`)
          .sort();
        assert.deepEqual(findings, [...testCase.expect.findings].sort());
      });
    }
  });
}
