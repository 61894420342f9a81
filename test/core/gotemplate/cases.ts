// Loads the engine's data tests (cases/*.yaml): {name, engine, template | templates, data, expected | error}.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, Scalar } from 'yaml';
import { GoInt } from '../../../server/src/core/gotemplate';

export interface Case {
  name: string;
  engine?: 'go' | 'helm';
  missingKey?: 'default' | 'zero' | 'error';
  template?: string;
  templates?: { name: string; text: string }[];
  data?: unknown;
  expected?: string;
  error?: string;
  errorKind?: string;
  /** Expected caveats for non-deterministic calls, as `func@template:line`. */
  caveats?: string[];
  /** Why the real helm cannot check this case (e.g. it needs a Go method); the differential test skips it. */
  noHelm?: string;
}

// `!int 3` in data is a Go int (as `--set` produces); plain YAML numbers are float64 as in values.yaml.
const intTag = { tag: '!int', resolve: (s: string) => new GoInt(BigInt(s)), identify: (v: unknown) => v instanceof GoInt, stringify: (i: Scalar) => String(i.value) };

export const CASES_DIR = join(__dirname, 'cases');

export function loadCaseFiles(): { file: string; cases: Case[] }[] {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, cases: parse(readFileSync(join(CASES_DIR, file), 'utf8'), { customTags: [intTag] }) as Case[] }));
}

/** The template a helm-engine case checks: its only non-partial template, or `chart/templates/t.yaml`. */
export function mainTemplate(c: Case): string {
  if (!c.templates) return 'chart/templates/t.yaml';
  return c.templates.find((t) => !t.name.split('/').pop()!.startsWith('_'))!.name;
}
