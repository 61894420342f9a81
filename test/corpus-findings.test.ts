// Golden listing of every finding SyncPlan makes on the real-world corpus (../shared/corpus), so any change in
// findings shows up in review. UPDATE_GOLDEN=1 rewrites test/golden/corpus-findings.txt.
// parse/templated (an informational note on every Helm template) is left out; everything else is listed, each
// line with the short message, then ` | ` and the explanation (detail).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyzeWorkspace } from '../server/src/core/analyzeWorkspace';
import { LineIndex } from '../server/src/core/text/lineIndex';
import { nodeFileHost } from '../server/src/workspace/nodeFileHost';

const CORPUS = [resolve(process.cwd(), '../shared/corpus'), '/work/shared/corpus'].find((p) => existsSync(p));
const GOLDEN = join(__dirname, 'golden', 'corpus-findings.txt');
const LEFT_OUT = new Set(['parse/templated']);

describe('corpus findings', function () {
  this.timeout(300_000);

  it('match the reviewed golden listing', function () {
    if (!CORPUS) this.skip();
    const corpus = CORPUS as string;
    const host = nodeFileHost();
    const lines: string[] = [];
    for (const repo of readdirSync(corpus, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
      const root = join(corpus, repo);
      for (const finding of analyzeWorkspace(host, root).findings) {
        if (LEFT_OUT.has(finding.code)) continue;
        const position = new LineIndex(host.readFile(finding.file) ?? '').positionAt(finding.span.start);
        const path = finding.file.startsWith(`${corpus}/`) ? finding.file.slice(corpus.length + 1) : finding.file;
        // Messages name files relative to the workspace: an absolute path would differ between machines.
        assert.ok(!`${finding.message} ${finding.detail ?? ''}`.includes(corpus), `absolute path in ${finding.code}: ${finding.detail ?? finding.message}`);
        lines.push(`${path}:${position.line + 1}:${position.character + 1} ${finding.severity} ${finding.code} ${finding.message.replace(/\s+/g, ' ')}${finding.detail ? ` | ${finding.detail.replace(/\s+/g, ' ')}` : ''}`);
      }
    }
    const actual = `${[...new Set(lines)].sort().join('\n')}\n`;
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, actual);
      return;
    }
    assert.ok(existsSync(GOLDEN), 'no golden file yet: run with UPDATE_GOLDEN=1 and review test/golden/corpus-findings.txt');
    const expected = readFileSync(GOLDEN, 'utf8');
    if (actual !== expected) {
      const want = new Set(expected.split('\n'));
      const got = new Set(actual.split('\n'));
      const added = [...got].filter((l) => !want.has(l)).slice(0, 20);
      const removed = [...want].filter((l) => !got.has(l)).slice(0, 20);
      assert.fail(`corpus findings changed (UPDATE_GOLDEN=1 to accept after review)\nnew:\n${added.join('\n')}\ngone:\n${removed.join('\n')}`);
    }
  });
});
