// Runs the glob fixtures in globs.yaml against the linear-time glob compiler.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compileGlob, tryCompileGlob, GlobError, MAX_GLOB_LENGTH, type GlobDialect } from '../../../server/src/core/glob/linearGlob';

interface GlobCase {
  dialect: GlobDialect;
  glob: string;
  match: string[];
  miss: string[];
}

const { cases } = parse(readFileSync(join(__dirname, 'globs.yaml'), 'utf8')) as { cases: GlobCase[] };

describe('glob fixtures: globs.yaml', () => {
  for (const c of cases) {
    it(`${c.dialect} ${c.glob}`, () => {
      const matcher = compileGlob(c.glob, c.dialect);
      for (const name of c.match) assert.equal(matcher.test(name), true, `${c.glob} should match ${name}`);
      for (const name of c.miss) assert.equal(matcher.test(name), false, `${c.glob} should not match ${name}`);
    });
  }

  it('refuses patterns over the length bound and says why', () => {
    const refused = tryCompileGlob('a'.repeat(MAX_GLOB_LENGTH + 1), 'paths');
    assert.ok(refused instanceof GlobError);
    assert.match(refused.message, /longer than/);
  });
});
