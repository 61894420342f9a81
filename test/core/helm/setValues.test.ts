// Data tests for the `--set` parser: test/core/helm/setValues.yaml, cases ported from Helm's strvals tests.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseSetInto } from '../../../server/src/core/helm/setValues';

interface SetCase {
  set: string;
  string?: boolean;
  into?: Record<string, unknown>;
  expect?: Record<string, unknown>;
  error?: boolean;
}

const { cases } = parse(readFileSync(join(__dirname, 'setValues.yaml'), 'utf8')) as { cases: SetCase[] };

describe('helm --set parser', () => {
  for (const c of cases) {
    it(`${c.string ? '--set-string' : '--set'} ${c.set}`, () => {
      const run = () => parseSetInto(c.set, structuredClone(c.into ?? {}), { asString: c.string, makeInt: (digits) => ({ int64: digits }) });
      if (c.error) {
        assert.throws(run);
        return;
      }
      // Compared as JSON: the parser may build objects without a prototype, which is not what the case is about.
      assert.equal(JSON.stringify(run()), JSON.stringify(c.expect));
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype must stay untouched');
    });
  }
});
