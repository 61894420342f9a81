// Loads the rule fixtures in test/rules/**/*.yaml, shared by the core, LSP and CLI tests.
//
// Format: `rule: <code>` and `cases: [{ name, files: { <relative path>: <text> }, fix?, requires? }]`.
// In a file, a comment line `#   ^^^^ <severity> <code>` marks the columns of the `^` run on the nearest
// previous line that is not itself a marker. A case without markers expects no finding of the rule's code.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { Severity } from '../../server/src/core/types';

export interface ExpectedFinding {
  /** Path relative to the fixture root, as written in `files`. */
  file: string;
  /** Zero-based line and UTF-16 character columns. */
  line: number;
  startCharacter: number;
  endCharacter: number;
  severity: Severity;
  code: string;
}

export interface RuleFixtureCase {
  name: string;
  files: Record<string, string>;
  expected: ExpectedFinding[];
  /** Text that must appear in the file after applying the preferred fix of the first expected finding. */
  fix?: string;
  /** Capabilities the case needs, e.g. `kustomize-renderer`; tests skip the case when the build lacks one. */
  requires?: string[];
}

export interface RuleFixture {
  rule: string;
  /** Absolute path of the fixture file. */
  file: string;
  cases: RuleFixtureCase[];
}

export const FIXTURE_ROOT = '/fixture';
export const RULE_FIXTURE_DIR = join(__dirname, '..', 'rules');

const MARKER = /^\s*#\s*(\^+)\s+(error|warning|info|hint)\s+(\S+)\s*$/;

export function loadRuleFixtures(dir: string = RULE_FIXTURE_DIR): RuleFixture[] {
  return yamlFilesUnder(dir).map((file) => {
    const data = parse(readFileSync(file, 'utf8')) as { rule?: string; cases?: RawCase[] };
    const expectedRule = relative(dir, file).replace(/\\/g, '/').replace(/\.ya?ml$/, '');
    if (data.rule !== expectedRule) throw new Error(`${file}: rule "${data.rule}" must match the file path "${expectedRule}"`);
    return { rule: data.rule, file, cases: (data.cases ?? []).map((c) => toCase(file, c)) };
  });
}

/** The case's files keyed by absolute path under `root`, ready for memoryHost or for writing to disk. */
export function fixtureFiles(testCase: RuleFixtureCase, root: string = FIXTURE_ROOT): Record<string, string> {
  return Object.fromEntries(Object.entries(testCase.files).map(([path, text]) => [`${root}/${path}`, text]));
}

/** Markers found in one file's text. */
export function parseMarkers(file: string, text: string): ExpectedFinding[] {
  const lines = text.split(/\r?\n/);
  const expected: ExpectedFinding[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const marker = MARKER.exec(line);
    if (!marker) {
      target = index;
      return;
    }
    if (target < 0) throw new Error(`${file}: marker on line ${index + 1} has no line above it`);
    const startCharacter = line.indexOf('^');
    expected.push({ file, line: target, startCharacter, endCharacter: startCharacter + marker[1].length, severity: marker[2] as Severity, code: marker[3] });
  });
  return expected;
}

interface RawCase {
  name?: string;
  files?: Record<string, unknown>;
  fix?: string;
  requires?: string | string[];
}

function toCase(fixtureFile: string, raw: RawCase): RuleFixtureCase {
  if (!raw.name || !raw.files) throw new Error(`${fixtureFile}: every case needs a name and files`);
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(raw.files)) {
    if (typeof text !== 'string') throw new Error(`${fixtureFile}: "${raw.name}" file ${path} must be a string`);
    files[path] = text;
  }
  const expected = Object.entries(files).flatMap(([path, text]) => parseMarkers(path, text));
  const requires = raw.requires === undefined ? undefined : Array.isArray(raw.requires) ? raw.requires : [raw.requires];
  return { name: raw.name, files, expected, ...(raw.fix !== undefined ? { fix: raw.fix } : {}), ...(requires ? { requires } : {}) };
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFilesUnder(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}
