import assert from 'node:assert/strict';
import { BuildCache, renderKustomization } from '../../../server/src/core/kustomize';
import { parseYamlFile } from '../../../server/src/core/parse/parseYamlFile';
import { memoryHost } from './hosts';

const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
const uses = (...entries: string[]): string => `resources:\n${entries.map((e) => `  - ${e}\n`).join('')}`;

function spanText(files: Record<string, string>, finding: { file: string; span: { start: number; end: number } }): string {
  return files[finding.file].slice(finding.span.start, finding.span.end);
}

describe('renderKustomization: base graphs (each folder built once per analysis)', () => {
  it('gives each side of a diamond its own copy of the shared base', () => {
    const files = {
      '/r/top/kustomization.yaml': uses('../a', '../b'),
      '/r/a/kustomization.yaml': `namePrefix: a-\n${uses('../shared')}`,
      '/r/b/kustomization.yaml': `namePrefix: b-\ncommonLabels:\n  side: b\n${uses('../shared')}`,
      '/r/shared/kustomization.yaml': uses('cm.yaml'),
      '/r/shared/cm.yaml': cm('settings'),
    };
    const result = renderKustomization(memoryHost(files), '/r/top');
    assert.deepEqual(result.findings, []);
    assert.deepEqual(
      result.objects.map((o) => `${o.name} ${o.labels.get('side')?.value ?? '-'}`),
      ['a-settings -', 'b-settings b'],
    );
    assert.deepEqual(result.referencedKustomizations, ['/r/a', '/r/b', '/r/shared']);
  });

  it('reuses a folder built for one render in the next render of the same analysis', () => {
    const files = { '/r/app/kustomization.yaml': uses('../base'), '/r/base/kustomization.yaml': uses('cm.yaml'), '/r/base/cm.yaml': cm('one') };
    const parsed: string[] = [];
    const parse = (path: string, text: string) => (parsed.push(path), parseYamlFile(path, text));
    const builds = new BuildCache();
    const first = renderKustomization(memoryHost(files), '/r/app', parse, undefined, builds);
    const second = renderKustomization(memoryHost(files), '/r/app', parse, undefined, builds);
    assert.deepEqual(second.objects.map((o) => o.name), first.objects.map((o) => o.name));
    assert.deepEqual(second.filesRead, first.filesRead);
    assert.equal(parsed.filter((p) => p === '/r/base/cm.yaml').length, 1);
  });

  it('reports a diamond that adds the same object twice, as kustomize does, without doubling it at every level', () => {
    // 24 levels: each level's two folders both use the next level's two, so without the build cache and the
    // duplicate check this would be 2^24 builds and objects.
    const files: Record<string, string> = { '/r/kustomization.yaml': uses('l1a', 'l1b') };
    for (let level = 1; level <= 24; level++) {
      for (const side of ['a', 'b']) {
        const dir = `/r/l${level}${side}`;
        if (level === 24) {
          files[`${dir}/kustomization.yaml`] = uses('cm.yaml');
          files[`${dir}/cm.yaml`] = cm(`bottom-${side}`);
        } else files[`${dir}/kustomization.yaml`] = uses(`../l${level + 1}a`, `../l${level + 1}b`);
      }
    }
    const result = renderKustomization(memoryHost(files), '/r');
    assert.deepEqual(result.objects.map((o) => o.name), ['bottom-a', 'bottom-b']);
    assert.equal(result.complete, false);
    const duplicates = result.findings.filter((f) => f.code === 'kustomize/duplicate-id');
    assert.ok(duplicates.length > 0);
    assert.deepEqual(result.findings.filter((f) => f.code !== 'kustomize/duplicate-id'), []);
    // First reported where level 22 adds level 23's second folder, which brings bottom-a again.
    assert.equal(duplicates[0].file, '/r/l22a/kustomization.yaml');
    assert.equal(spanText(files, duplicates[0]), '../l23b');
    assert.match(duplicates[0].message, /v1 ConfigMap bottom-a/);
  });

  it('reports the same file listed twice in resources', () => {
    const files = { '/r/app/kustomization.yaml': uses('cm.yaml', './cm.yaml'), '/r/app/cm.yaml': cm('twice') };
    const result = renderKustomization(memoryHost(files), '/r/app');
    assert.deepEqual(result.objects.map((o) => o.name), ['twice']);
    assert.deepEqual(result.findings.map((f) => [f.code, f.severity, spanText(files, f)]), [['kustomize/duplicate-id', 'error', './cm.yaml']]);
  });

  it('stops following bases nested more than 100 levels deep, with an error at the entry it did not follow', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`/r/c${i}/kustomization.yaml`] = uses(`../c${i + 1}`);
    files['/r/c150/kustomization.yaml'] = uses('cm.yaml');
    files['/r/c150/cm.yaml'] = cm('end');
    const result = renderKustomization(memoryHost(files), '/r/c0');
    assert.deepEqual(result.objects, []);
    assert.equal(result.complete, false);
    assert.deepEqual(result.findings.map((f) => [f.code, f.severity, f.file, spanText(files, f)]), [
      ['kustomize/too-deep', 'error', '/r/c99/kustomization.yaml', '../c100'],
    ]);
  });

  it('follows exactly 100 levels', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 99; i++) files[`/r/c${i}/kustomization.yaml`] = uses(`../c${i + 1}`);
    files['/r/c99/kustomization.yaml'] = uses('cm.yaml');
    files['/r/c99/cm.yaml'] = cm('end');
    const result = renderKustomization(memoryHost(files), '/r/c0');
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.objects.map((o) => o.name), ['end']);
  });
});
