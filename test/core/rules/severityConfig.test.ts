// Severity overrides and the .syncplan.yaml format.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySeverities, parseSyncplanConfig, RULE_CODES, RULE_DOCS_URL } from '../../../server/src/core/rules/severityConfig';
import type { Finding } from '../../../server/src/core/types';

const at = { file: '/w/a.yaml', span: { start: 0, end: 1 } };
const findings: Finding[] = [
  { code: 'hook/unknown-type', severity: 'error', message: 'a', ...at },
  { code: 'k8s/shell-syntax', severity: 'warning', message: 'b', ...at },
  { code: 'parse/yaml-error', severity: 'error', message: 'c', ...at },
];

describe('severity settings', () => {
  it('rewrites severities and drops codes that are off', () => {
    const result = applySeverities(findings, { 'hook/unknown-type': 'warning', 'k8s/shell-syntax': 'off', 'parse/yaml-error': 'hint' });
    assert.deepEqual(result.map((f) => `${f.code} ${f.severity}`), ['hook/unknown-type warning', 'parse/yaml-error hint']);
    assert.equal(findings[0].severity, 'error', 'input findings are not mutated');
  });

  it('reads rules and exclude from .syncplan.yaml and reports mistakes without losing the valid parts', () => {
    const config = parseSyncplanConfig(
      ['rules:', '  hook/unknown-type: warning', '  k8s/shell-syntax: off', '  hook/unknown-typo: info', '  wave/not-integer: loud', 'exclude:', '  - "charts/**"', 'extra: 1'].join('\n'),
    );
    assert.deepEqual(config.severities, { 'hook/unknown-type': 'warning', 'k8s/shell-syntax': 'off' });
    assert.deepEqual(config.exclude, ['charts/**']);
    assert.equal(config.problems.length, 3);
    assert.match(config.problems.join('\n'), /did you mean "hook\/unknown-type"/);
  });

  it('accepts an empty file and rejects a non-mapping', () => {
    assert.deepEqual(parseSyncplanConfig(''), { severities: {}, exclude: [], problems: [] });
    assert.equal(parseSyncplanConfig('- a').problems.length, 1);
  });

  it('lists every code once with a stable docs anchor', () => {
    const codes = RULE_CODES.map((c) => c.code);
    assert.equal(new Set(codes).size, codes.length);
    assert.ok(codes.includes('parse/yaml-error'));
    assert.equal(RULE_DOCS_URL('hook/unknown-type'), 'https://github.com/syncplan/syncplan/blob/main/docs/rules.md#hookunknown-type');
    assert.equal(RULE_DOCS_URL('app-of-apps/no-application-health').split('#')[1], 'app-of-appsno-application-health');
  });
});

describe('docs/rules.md', () => {
  it('has a section headed by every code', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/rules.md'), 'utf8');
    const headings = new Set([...doc.matchAll(/^### (\S+)$/gm)].map((m) => m[1]));
    assert.deepEqual(RULE_CODES.map((c) => c.code).filter((c) => !headings.has(c)), []);
  });
});
