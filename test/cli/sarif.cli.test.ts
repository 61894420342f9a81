// SARIF and JSON check output: cwd-relative paths, rule metadata, related locations, and the SARIF 2.1.0 schema.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { REPO_ROOT, runCli } from '../helpers/runCli';

// The OASIS SARIF 2.1.0 schema (draft-04), as shipped in @microsoft/jest-sarif; see test/fixtures/sarif/README.md.
const SCHEMA_FILE = join(REPO_ROOT, 'test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  // Ajv 8 reads draft-07; the SARIF schema only differs from it in naming its id `id`.
  const { $schema: _draft, id, ...rest } = schema;
  return new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }).compile({ ...rest, $id: String(id) });
}

const DUPLICATE = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: twin\n  namespace: a\n';

describe('syncplan check: SARIF and JSON locations', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncplan-sarif-'));
    mkdirSync(join(dir, 'repo', 'apps'), { recursive: true });
    writeFileSync(join(dir, 'repo', 'apps', 'one.yaml'), DUPLICATE);
    writeFileSync(join(dir, 'repo', 'apps', 'two.yaml'), DUPLICATE);
    writeFileSync(join(dir, 'repo', 'apps', 'hook.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: h\n  annotations:\n    argocd.argoproj.io/hook: presync\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints paths relative to the current directory, whatever the PATH argument', () => {
    for (const [cwd, path] of [[dir, 'repo/apps'], [dir, join(dir, 'repo')], [join(dir, 'repo'), '.']]) {
      const run = runCli(['check', path, '--format', 'json'], cwd);
      const files = (JSON.parse(run.stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file);
      const prefix = cwd === dir ? 'repo/apps/' : 'apps/';
      assert.ok(files.length > 0 && files.every((f) => f.startsWith(prefix)), `${cwd} ${path}: ${files.join(', ')}`);
      const text = runCli(['check', path], cwd).stdout;
      assert.match(text, new RegExp(`^${prefix}hook\\.yaml$`, 'm'));
    }
  });

  it('JSON diagnostics carry related locations', () => {
    const run = runCli(['check', 'repo', '--format', 'json'], dir);
    const duplicate = (JSON.parse(run.stdout) as { diagnostics: { code: string; related: { file: string; line: number; message: string }[] }[] }).diagnostics.find(
      (d) => d.code === 'resource/duplicate',
    );
    assert.ok(duplicate, run.stdout);
    assert.equal(duplicate.related.length, 1);
    assert.match(duplicate.related[0].file, /^repo\/apps\/(one|two)\.yaml$/);
    assert.deepEqual([duplicate.related[0].line, duplicate.related[0].message], [4, 'first definition']);
  });

  it('SARIF validates against the 2.1.0 schema and carries base ids, rule metadata and related locations', () => {
    const run = runCli(['check', 'repo', '--format', 'sarif'], dir);
    assert.equal(run.status, 1, run.stderr);
    const sarif = JSON.parse(run.stdout) as { runs: Record<string, any>[] };
    const validate = sarifValidator();
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));

    const [result] = sarif.runs;
    assert.deepEqual(result.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(`${dir}/`).href } });
    const hook = result.tool.driver.rules.find((r: { id: string }) => r.id === 'hook/unknown-type');
    assert.ok(hook);
    assert.match(hook.shortDescription.text, /\w/);
    assert.match(hook.fullDescription.text, /split on commas/, 'fullDescription comes from docs/rules.md');
    assert.doesNotMatch(hook.fullDescription.text, /\*\*|`/, 'plain text has no Markdown');
    assert.match(hook.help.markdown, /\*\*What Argo CD does\.\*\*/);
    assert.match(hook.help.text, /What Argo CD does\./);
    assert.match(hook.helpUri, /docs\/rules\.md#hookunknown-type$/);
    assert.equal(hook.defaultConfiguration.level, 'error');

    const duplicate = result.results.find((r: { ruleId: string }) => r.ruleId === 'resource/duplicate');
    assert.ok(duplicate);
    assert.match(duplicate.locations[0].physicalLocation.artifactLocation.uri, /^repo\/apps\/(one|two)\.yaml$/);
    assert.equal(duplicate.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(duplicate.relatedLocations.length, 1);
    assert.equal(duplicate.relatedLocations[0].message.text, 'first definition');
  });

  it('the schema check rejects a broken log, so it can fail', () => {
    const validate = sarifValidator();
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
  });
});
