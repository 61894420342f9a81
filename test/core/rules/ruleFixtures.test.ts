// Runs every rule fixture (test/rules/**/*.yaml) through analyzeWorkspace and compares the findings of the
// fixture's rule with the `^^^` markers, then applies the preferred fix when the case names its result.

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import { renderKustomization } from '../../../server/src/core/kustomize';
import { parseYamlFile } from '../../../server/src/core/parse/parseYamlFile';
import { ALL_RULES } from '../../../server/src/core/rules';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import type { Finding, TextEdit } from '../../../server/src/core/types';
import { memoryHost } from '../../helpers/memoryHost';
import { FIXTURE_ROOT, fixtureFiles, loadRuleFixtures, type ExpectedFinding, type RuleFixtureCase } from '../../helpers/ruleFixtures';

const fixtures = loadRuleFixtures();

/** The Kustomize renderer is a placeholder in some builds; cases that need it are skipped there. */
const placeholderRenderer = renderKustomization(memoryHost({}), '/none').incompleteReasons.some((r) => r.includes('not available'));
const CAPABILITIES: Record<string, boolean> = { 'kustomize-renderer': !placeholderRenderer };

describe('rule fixtures', () => {
  it('cover every rule with at least two firing and two silent cases', () => {
    const byRule = new Map(fixtures.map((f) => [f.rule, f]));
    for (const rule of ALL_RULES) {
      const fixture = byRule.get(rule.code);
      assert.ok(fixture, `test/rules/${rule.code}.yaml is missing`);
      const firing = fixture.cases.filter((c) => c.expected.some((e) => e.code === rule.code)).length;
      assert.ok(firing >= 2, `${rule.code}: ${firing} firing cases, need 2`);
      assert.ok(fixture.cases.length - firing >= 2, `${rule.code}: ${fixture.cases.length - firing} silent cases, need 2`);
    }
  });

  for (const fixture of fixtures) {
    describe(fixture.rule, () => {
      for (const testCase of fixture.cases) {
        it(testCase.name, function () {
          const missing = (testCase.requires ?? []).filter((r) => !CAPABILITIES[r]);
          if (missing.length > 0) {
            console.log(`      skipped "${testCase.name}": needs ${missing.join(', ')} (renderKustomization is still the placeholder in this build)`);
            this.skip();
          }
          const files = fixtureFiles(testCase);
          const findings = analyzeWorkspace(memoryHost(files), FIXTURE_ROOT).findings.filter((f) => f.code === fixture.rule);
          const actual = findings.map((f) => toExpected(f, files));
          const explain = findings.map((f, i) => `  ${show(actual[i])}: ${f.message}`).join('\n');
          assert.deepEqual(sorted(actual).map(show), sorted(testCase.expected.filter((e) => e.code === fixture.rule)).map(show), `findings were:\n${explain}`);
          if (testCase.fix !== undefined) checkFix(testCase, findings, actual, files);
        });
      }
    });
  }
});

function toExpected(finding: Finding, files: Record<string, string>): ExpectedFinding {
  const text = files[finding.file] ?? '';
  const index = new LineIndex(text);
  const start = index.positionAt(finding.span.start);
  const end = index.positionAt(finding.span.end);
  const lineLength = (text.split(/\r?\n/)[start.line] ?? '').length;
  return {
    file: finding.file.slice(FIXTURE_ROOT.length + 1),
    line: start.line,
    startCharacter: start.character,
    endCharacter: end.line === start.line ? end.character : lineLength,
    severity: finding.severity,
    code: finding.code,
  };
}

function show(e: ExpectedFinding): string {
  return `${e.file}:${e.line + 1}:${e.startCharacter}-${e.endCharacter} ${e.severity} ${e.code}`;
}

function sorted(list: ExpectedFinding[]): ExpectedFinding[] {
  return [...list].sort((a, b) => show(a).localeCompare(show(b)));
}

function checkFix(testCase: RuleFixtureCase, findings: Finding[], actual: ExpectedFinding[], files: Record<string, string>): void {
  const first = testCase.expected[0];
  const index = actual.findIndex((a) => show(a) === show(first));
  const fix = findings[index]?.fixes?.find((f) => f.preferred);
  assert.ok(fix, `the first expected finding has no preferred fix`);
  const edited = applyEdits(files, fix.edits);
  const texts = [...new Set([`${FIXTURE_ROOT}/${first.file}`, ...fix.edits.map((e) => e.file)])].map((f) => edited[f] ?? '');
  assert.ok(texts.some((t) => t.includes(testCase.fix as string)), `after "${fix.title}" expected to find ${JSON.stringify(testCase.fix)} in:\n${texts.join('\n---\n')}`);
  for (const file of fix.edits.map((e) => e.file)) {
    assert.deepEqual(parseYamlFile(file, edited[file]).problems, [], `the fix leaves ${file} valid YAML`);
  }
}

function applyEdits(files: Record<string, string>, edits: TextEdit[]): Record<string, string> {
  const out = { ...files };
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    const text = out[edit.file] ?? '';
    out[edit.file] = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
  }
  return out;
}
