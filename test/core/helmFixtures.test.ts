// Runs every Helm fixture in test/core/helm/cases/*.yaml: a workspace with charts (and Applications) in, the
// rendered apps, their plans, object contents, findings with their template lines, reasons and caveats out.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyzeWorkspace, type AnalyzeOptions } from '../../server/src/core/analyzeWorkspace';
import type { AppAnalysis } from '../../server/src/core/discover/appTypes';
import { relativePath } from '../../server/src/core/paths';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { describePlan, objectLabel } from '../helpers/describePlan';
import { memoryHost } from '../helpers/memoryHost';

interface ExpectedApp {
  name: string;
  complete?: boolean;
  steps?: string[];
  /** Substrings that must each appear in one incomplete reason. */
  reasons?: string[];
  /** Substrings that must each appear in one plan caveat. */
  caveats?: string[];
  /** "Kind name" -> a subset of the rendered object's body. */
  objects?: Record<string, unknown>;
  /** "Kind name" -> `file:line` where the object is anchored. */
  anchors?: Record<string, string>;
  children?: string[];
}

interface HelmCase {
  name: string;
  files: Record<string, string>;
  /** Analysis options besides the defaults. */
  options?: Pick<AnalyzeOptions, 'maxRenderedApps'>;
  /** `appCount`: how many apps the workspace has in all. */
  expect: { apps: ExpectedApp[]; findings?: string[]; appCount?: number };
}

const ROOT = '/ws';
const dir = join(__dirname, 'helm', 'cases');
/** Findings of the plain-text reading of template files, which say nothing about the render. */
const IGNORED_CODES = new Set(['parse/templated', 'parse/yaml-error', 'yaml/duplicate-key-plain']);

for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const { cases } = parse(readFileSync(join(dir, file), 'utf8')) as { cases: HelmCase[] };
  describe(`helm fixtures: ${file}`, () => {
    for (const testCase of cases) {
      it(testCase.name, () => {
        const files = Object.fromEntries(Object.entries(testCase.files).map(([path, text]) => [`${ROOT}/${path}`, text]));
        const workspace = analyzeWorkspace(memoryHost(files), ROOT, testCase.options);
        const lineOf = (path: string, offset: number): number => new LineIndex(files[path] ?? '').positionAt(offset).line + 1;
        const byId = new Map(workspace.apps.map((a) => [a.id, a]));
        for (const expected of testCase.expect.apps) {
          const app = workspace.apps.find((a) => a.name === expected.name);
          assert.ok(app, `app ${expected.name} not found among ${workspace.apps.map((a) => a.name).join(', ')}`);
          checkApp(app, expected, byId, (path, offset) => `${relativePath(ROOT, path)}:${lineOf(path, offset)}`);
        }
        if (testCase.expect.appCount !== undefined) assert.equal(workspace.apps.length, testCase.expect.appCount, `apps: ${workspace.apps.map((a) => a.name).join(', ')}`);
        if (testCase.expect.findings) {
          const actual = workspace.findings
            .filter((f) => !IGNORED_CODES.has(f.code))
            .map((f) => `${f.code} ${relativePath(ROOT, f.file)}:${lineOf(f.file, f.span.start)}`)
            .sort();
          assert.deepEqual(actual, [...testCase.expect.findings].sort());
        }
      });
    }
  });
}

function checkApp(app: AppAnalysis, expected: ExpectedApp, byId: Map<string, AppAnalysis>, where: (path: string, offset: number) => string): void {
  if (expected.complete !== undefined) assert.equal(app.complete, expected.complete, `complete; reasons: ${app.incompleteReasons.join(' | ')}`);
  if (expected.steps) assert.deepEqual(describePlan(app.plan).steps, expected.steps);
  for (const reason of expected.reasons ?? []) {
    assert.ok(app.incompleteReasons.some((r) => r.includes(reason)), `no reason with "${reason}" in: ${app.incompleteReasons.join(' | ')}`);
  }
  for (const caveat of expected.caveats ?? []) {
    assert.ok(app.plan.caveats.some((c) => c.includes(caveat)), `no caveat with "${caveat}" in: ${app.plan.caveats.join(' | ')}`);
  }
  for (const [label, subset] of Object.entries(expected.objects ?? {})) {
    const object = app.objects.find((o) => objectLabel(o) === label);
    assert.ok(object, `object ${label} not among ${app.objects.map(objectLabel).join(', ')}`);
    assertSubset(object.body, subset, label);
  }
  for (const [label, at] of Object.entries(expected.anchors ?? {})) {
    const object = app.objects.find((o) => objectLabel(o) === label);
    assert.ok(object, `object ${label} not found`);
    assert.equal(where(object.source.file, object.source.anchor.start), at, `anchor of ${label}`);
  }
  if (expected.children) assert.deepEqual(app.children.map((id) => byId.get(id)?.name ?? id).sort(), [...expected.children].sort());
}

function assertSubset(actual: unknown, expected: unknown, path: string): void {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    assert.ok(actual !== null && typeof actual === 'object', `${path}: expected a map, got ${JSON.stringify(actual)}`);
    for (const [key, value] of Object.entries(expected)) assertSubset((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    return;
  }
  assert.deepEqual(actual, expected, path);
}
