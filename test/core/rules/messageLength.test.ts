// Every finding message is one short sentence (what is wrong, what Argo CD does); the explanation goes in `detail`.
// Checked over the rule fixtures and the real-world corpus, with names substituted as they really occur.

import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import type { Finding } from '../../../server/src/core/types';
import { nodeFileHost } from '../../../server/src/workspace/nodeFileHost';
import { memoryHost } from '../../helpers/memoryHost';
import { FIXTURE_ROOT, fixtureFiles, loadRuleFixtures } from '../../helpers/ruleFixtures';

const LIMIT = 120;
const CORPUS = [resolve(process.cwd(), '../shared/corpus'), '/work/shared/corpus'].find((p) => existsSync(p));

function fixtureFindings(): Finding[] {
  return loadRuleFixtures().flatMap((fixture) => fixture.cases.flatMap((c) => analyzeWorkspace(memoryHost(fixtureFiles(c)), FIXTURE_ROOT).findings));
}

function corpusFindings(corpus: string): Finding[] {
  const host = nodeFileHost();
  const repos = readdirSync(corpus, { withFileTypes: true }).filter((e) => e.isDirectory());
  return repos.flatMap((repo) => analyzeWorkspace(host, join(corpus, repo.name)).findings);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function checkLengths(name: string, findings: Finding[]): void {
  assert.ok(findings.length > 0, `${name}: no findings to measure`);
  const messages = [...new Set(findings.map((f) => `${f.code}\t${f.message}`))];
  const lengths = messages.map((m) => m.split('\t')[1].length);
  console.log(`      ${name}: ${messages.length} distinct messages, median ${median(lengths)} characters, longest ${Math.max(...lengths)}`);
  const over = messages.filter((m) => m.split('\t')[1].length > LIMIT).map((m) => `  ${m.split('\t')[1].length} ${m.replace('\t', ': ')}`);
  assert.deepEqual(over, [], `messages over ${LIMIT} characters (move the explanation to detail):\n${over.join('\n')}`);
  const multiLine = messages.filter((m) => m.includes('\n'));
  assert.deepEqual(multiLine, [], 'messages are one line');
}

describe('finding messages', function () {
  this.timeout(300_000);

  it(`are at most ${LIMIT} characters in the rule fixtures`, () => {
    checkLengths('rule fixtures', fixtureFindings());
  });

  it(`are at most ${LIMIT} characters on the real-world corpus`, function () {
    if (!CORPUS) this.skip();
    checkLengths('corpus', corpusFindings(CORPUS as string));
  });
});
