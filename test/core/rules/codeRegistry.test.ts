// Every finding code the product can emit is in RULE_CODES and has a section in docs/rules.md.
// The scan reads code literals where findings are made: `code: '...'` and `report(ctx, '...'`.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CODES } from '../../../server/src/core/rules/ruleCodes';

const SERVER_SRC = join(__dirname, '..', '..', '..', 'server', 'src');
const RULES_DOC = join(__dirname, '..', '..', '..', 'docs', 'rules.md');
const EMIT_PATTERNS = [/\bcode: '([a-z]+\/[a-z-]+)'/g, /\breport\(\w+, '([a-z]+\/[a-z-]+)'/g];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function emittedCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(SERVER_SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of EMIT_PATTERNS) for (const match of text.matchAll(pattern)) found.set(match[1], file);
  }
  return found;
}

describe('finding code registry', () => {
  const registered = new Set(RULE_CODES.map((c) => c.code));

  it('finds the codes the scan is meant to find', () => {
    const emitted = emittedCodes();
    for (const code of ['kustomize/patch-failed', 'workspace/outside-link', 'yaml/duplicate-key']) assert.ok(emitted.has(code), code);
  });

  it('lists every code the source emits', () => {
    const missing = [...emittedCodes()].filter(([code]) => !registered.has(code)).map(([code, file]) => `${code} (${file})`);
    assert.deepEqual(missing, []);
  });

  it('documents every registered code in docs/rules.md', () => {
    const headings = new Set([...readFileSync(RULES_DOC, 'utf8').matchAll(/^### (\S+)$/gm)].map((m) => m[1]));
    assert.deepEqual([...registered].filter((code) => !headings.has(code)), []);
  });
});
