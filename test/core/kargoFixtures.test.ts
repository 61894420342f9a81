// Runs the Kargo fixtures in test/core/kargo/*.yaml. A case gives its workspace either as `files` or as a
// corpus folder (`corpus`) with optional single-fault `mutations` (text replacements); it expects the
// pipeline (`pipeline`: per project, stage lines "name <- upstreams [warehouses] {control-flow} -> apps")
// and exactly the Kargo findings listed (`findings`: "code file:line"); `autoPromotion` (per project, per stage:
// true, false or null) checks what `plan --format json` says about the promotion policies.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { analyzeWorkspace } from '../../server/src/core/analyzeWorkspace';
import { buildPlanReport } from '../../server/src/core/report/planReport';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { corpusRoot } from '../helpers/runCli';
import { filesUnder, memoryHost } from '../helpers/memoryHost';

interface Mutation {
  file: string;
  from: string;
  to: string;
}

interface KargoCase {
  name: string;
  files?: Record<string, string>;
  corpus?: string;
  mutations?: Mutation[];
  expect: { pipeline?: Record<string, string[]>; autoPromotion?: Record<string, Record<string, boolean | null>>; findings: string[] };
}

const ROOT = '/ws';
const dir = join(__dirname, 'kargo');

function workspaceOf(testCase: KargoCase): Record<string, string> | undefined {
  let files = testCase.files ?? {};
  if (testCase.corpus) {
    const root = corpusRoot();
    if (!root || !existsSync(join(root, testCase.corpus))) return undefined;
    files = filesUnder(join(root, testCase.corpus));
  }
  files = { ...files };
  for (const mutation of testCase.mutations ?? []) {
    const text = files[mutation.file];
    assert.ok(text?.includes(mutation.from), `mutation text not found in ${mutation.file}: ${mutation.from}`);
    files[mutation.file] = text.replace(mutation.from, mutation.to);
  }
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [`${ROOT}/${path}`, text]));
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const { cases } = parse(readFileSync(join(dir, file), 'utf8')) as { cases: KargoCase[] };
  describe(`kargo fixtures: ${file}`, () => {
    for (const testCase of cases) {
      it(testCase.name, function () {
        const files = workspaceOf(testCase);
        if (!files) return this.skip();
        const workspace = analyzeWorkspace(memoryHost(files), ROOT);
        const report = buildPlanReport(workspace, ROOT, (p) => files[p]);
        if (testCase.expect.pipeline) {
          const pipeline = Object.fromEntries((report.kargo ?? []).map((project) => [project.project, project.stages.map((s) => {
            const apps = s.applications.map((a) => `${a.namespace}/${a.name}${a.authorized === null ? '?' : a.authorized ? '' : '!'}`);
            return `${s.name} <- ${s.upstream.join(',')} [${s.warehouses.join(',')}]${s.controlFlow ? ' {control-flow}' : ''} -> ${apps.join(',')}`;
          })]));
          assert.deepEqual(pipeline, testCase.expect.pipeline);
        }
        if (testCase.expect.autoPromotion) {
          const auto = Object.fromEntries((report.kargo ?? []).map((p) => [p.project, Object.fromEntries(p.stages.map((s) => [s.name, s.autoPromotion]))]));
          assert.deepEqual(auto, testCase.expect.autoPromotion);
        }
        const findings = workspace.findings
          .filter((f) => f.code.startsWith('kargo/'))
          .map((f) => `${f.code} ${relative(ROOT, f.file)}:${new LineIndex(files[f.file] ?? '').positionAt(f.span.start).line + 1}`)
          .sort();
        assert.deepEqual(findings, [...testCase.expect.findings].sort());
      });
    }
  });
}
