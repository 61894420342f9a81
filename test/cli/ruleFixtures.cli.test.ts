// Every rule fixture through `syncplan check --format json`: the CLI reports exactly the marked findings.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadRuleFixtures } from '../helpers/ruleFixtures';
import { runCli } from '../helpers/runCli';

interface Record {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
}

describe('rule fixtures through syncplan check', () => {
  const fixtures = loadRuleFixtures();
  const workspace = mkdtempSync(join(tmpdir(), 'syncplan-rules-cli-'));
  const folders: string[] = [];
  fixtures.forEach((fixture, f) =>
    fixture.cases.forEach((testCase, c) => {
      const folder = `f${f}-c${c}`;
      folders.push(folder);
      for (const [path, text] of Object.entries(testCase.files)) {
        const target = join(workspace, folder, path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
    }),
  );
  let records: Record[] = [];

  before(function () {
    this.timeout(180_000);
    const run = runCli(['check', '--format', 'json', ...folders], workspace);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    records = JSON.parse(run.stdout).diagnostics;
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  fixtures.forEach((fixture, f) => {
    describe(fixture.rule, () => {
      fixture.cases.forEach((testCase, c) => {
        it(testCase.name, () => {
          const folder = `f${f}-c${c}/`;
          const actual = records
            .filter((r) => r.file.startsWith(folder) && r.code === fixture.rule)
            .map((r) => `${r.file.slice(folder.length)}:${r.line}:${r.column}-${r.endLine}:${r.endColumn} ${r.severity}`)
            .sort();
          const expected = testCase.expected
            .map((e) => `${e.file}:${e.line + 1}:${e.startCharacter + 1}-${e.line + 1}:${e.endCharacter + 1} ${e.severity}`)
            .sort();
          assert.deepEqual(actual, expected);
        });
      });
    });
  });
});
