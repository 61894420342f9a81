// Differential test: every engine data test (cases/*.yaml) runs through the real `helm template` as a tiny
// chart, and through the engine with the same chart files and the data Helm builds; outputs and error messages
// must be identical. Helm cases whose data is only `.Values` also check the case's written expectation against
// helm. Go-engine cases run wrapped in a `define` called with `.Values.d` (Helm has no missingkey=default).
// Skipped, with the reason printed, when the helm binary is unavailable (see test/helpers/helmOracle.ts).

import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { renderHelmTemplates } from '../../../server/src/core/gotemplate';
import { HELM_VERSION, helmOracle, HelmRun, helmTemplate, SENTINEL_TEMPLATE, SENTINEL_TEXT } from '../../helpers/helmOracle';
import { Case, loadCaseFiles, mainTemplate } from './cases';
import { helmLikeData, valuesArgs } from './helmData';

interface OracleCase {
  id: string;
  c: Case;
  templates: { name: string; text: string }[];
  values: Record<string, unknown>;
  /** Whether the case's own expectation can be checked against helm (its data is only `.Values`). */
  checkExpectation: boolean;
  skip?: string;
}

function toOracleCase(file: string, c: Case): OracleCase {
  const id = `${file}: ${c.name}`;
  if (c.noHelm) return { id, c, templates: [], values: {}, checkExpectation: false, skip: c.noHelm };
  if (c.engine === 'go') {
    const text = c.template ?? '';
    // A case that defines templates cannot sit inside a define: without data it runs as the chart's template.
    if (/\{\{-?\s*(define|block)\b/.test(text)) {
      const skip = c.data === undefined ? undefined : 'defines templates and reads data, so it can be neither wrapped nor run as is';
      return { id, c, templates: [{ name: 'chart/templates/t.yaml', text }], values: {}, checkExpectation: false, skip };
    }
    const skip = undefined;
    const templates = [
      { name: 'chart/templates/_case.tpl', text: `{{define "case"}}${text}{{end}}` },
      { name: 'chart/templates/t.yaml', text: '{{template "case" .Values.d}}' },
    ];
    return { id, c, templates, values: c.data === undefined ? {} : { d: c.data }, checkExpectation: false, skip };
  }
  const templates = c.templates ?? [{ name: 'chart/templates/t.yaml', text: c.template ?? '' }];
  const data = (c.data ?? {}) as Record<string, unknown>;
  const values = (data.Values ?? {}) as Record<string, unknown>;
  const bad = templates.find((t) => !/^chart\/(charts\/[^/]+\/)?templates\//.test(t.name));
  return { id, c, templates, values, checkExpectation: Object.keys(data).every((k) => k === 'Values'), skip: bad && `template ${bad.name} is outside a chart` };
}

function writeChart(dir: string, oc: OracleCase): void {
  const write = (rel: string, text: string): void => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  write('Chart.yaml', 'apiVersion: v2\nname: chart\nversion: 0.1.0\n');
  write(SENTINEL_TEMPLATE, SENTINEL_TEXT);
  for (const t of oc.templates) {
    const rel = t.name.slice('chart/'.length);
    const sub = /^charts\/([^/]+)\//.exec(rel);
    if (sub) write(`charts/${sub[1]}/Chart.yaml`, `apiVersion: v2\nname: ${sub[1]}\nversion: 0.1.0\n`);
    write(rel, t.text);
  }
}

interface Outcome { output?: string; error?: string }

/** The engine on the same chart files, with the data helm gives each template. */
function engineOutcome(oc: OracleCase): { byTemplate: Map<string, Outcome>; firstError?: string } {
  const result = renderHelmTemplates(oc.templates.map((t) => ({ ...t, data: helmLikeData(oc.values, t.name) })));
  const byTemplate = new Map<string, Outcome>();
  let firstError: string | undefined;
  for (const t of result.templates) {
    byTemplate.set(t.name, t.error ? { error: t.error.message } : { output: t.output });
    firstError ??= t.error?.message;
  }
  return { byTemplate, firstError };
}

/** helm omits files whose output is only whitespace, and trims the end of the last file it prints. */
function sameAsHelm(run: HelmRun, name: string, output: string): void {
  if (output.trim() === '') {
    assert.ok(!run.files.has(name), `${name} renders only whitespace here but helm printed it`);
    return;
  }
  const helm = run.files.get(name);
  if (name === run.last) assert.equal(output.trimEnd(), helm, `output of ${name} differs from helm (trailing whitespace not compared)`);
  else assert.equal(output, helm, `output of ${name} differs from helm`);
}

const oracle = helmOracle();
// SYNCPLAN_DIFF_ONLY=sprig.yaml limits a development run to one case file.
const only = process.env.SYNCPLAN_DIFF_ONLY;
const cases = loadCaseFiles()
  .filter(({ file }) => !only || file === only)
  .flatMap(({ file, cases: list }) => list.map((c) => toOracleCase(file, c)));

describe(`gotemplate differential against helm ${HELM_VERSION}`, function () {
  if ('unavailable' in oracle) {
    it(`skipped: helm is unavailable (${oracle.unavailable})`, function () {
      this.skip();
    });
    return;
  }
  const runs = new Map<string, HelmRun>();
  const root = mkdtempSync(join(tmpdir(), 'syncplan-helm-diff-'));

  before(async function () {
    this.timeout(600_000);
    const todo = cases.filter((oc) => !oc.skip);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < todo.length) {
        const oc = todo[next++];
        const dir = join(root, String(next));
        writeChart(dir, oc);
        runs.set(oc.id, await helmTemplate(oracle, dir, valuesArgs(oc.values, dir)));
      }
    };
    await Promise.all([worker(), worker()]);
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  for (const oc of cases) {
    it(oc.id, function () {
      if (oc.skip) {
        this.skip();
        return;
      }
      const run = runs.get(oc.id)!;
      const engine = engineOutcome(oc);
      if (run.error !== undefined || engine.firstError !== undefined) {
        assert.equal(engine.firstError, run.error, 'error message differs from helm');
      } else {
        for (const [name, outcome] of engine.byTemplate) sameAsHelm(run, name, outcome.output!);
      }
      if (!oc.checkExpectation) return;
      if (oc.c.error !== undefined) assert.equal(run.error, oc.c.error, 'the case expects an error helm does not give');
      else sameAsHelm(run, mainTemplate(oc.c), oc.c.expected ?? '');
    });
  }
});
