// Differential test against the real helm 3.17.3 (helm.md sections 6-7): each corpus chart listed in
// test/golden/helm/charts.json renders natively to the same multiset of objects as the committed helm output
// (deep equality of parsed objects, ignoring document order and `# Source:` comments), with the same release
// name, namespace, Kubernetes version and API versions (helm's offline defaults). Goldens: scripts/helm-goldens.ts.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { renderHelmApp } from '../../server/src/core/helm';
import { helmDefaultApiVersions } from '../../server/src/core/helm/apiVersions';
import { ParseCache } from '../../server/src/core/workspaceFiles';
import { nodeFileHost } from '../../server/src/workspace/nodeFileHost';
import { withMountedFolder } from '../helpers/profileHost';

interface GoldenChart { id: string; path: string; valueFiles?: string[]; profile?: string; setup?: string }

const repo = resolve(__dirname, '..', '..');
const goldenDir = join(__dirname, '..', 'golden', 'helm');
/** Where a chart's value profile (a fixture folder of this repository) appears inside the chart's repository. */
const PROFILE_MOUNT = 'syncplan-test-profile';
const corpus = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const { charts } = JSON.parse(readFileSync(join(goldenDir, 'charts.json'), 'utf8')) as { charts: GoldenChart[] };

/**
 * Charts the native render does not match yet because the template engine lacks functions (the gotemplate
 * branch adds them). Such a chart must be incomplete for that reason only; once it renders it must equal helm.
 */
const WAITING_FOR_FUNCTIONS = new Set<string>([]);

/** Known engine differences, each with the message the native render fails with; for the gotemplate branch to fix. */
const ENGINE_DIFFERENCES: Record<string, string> = {
};

/** One canonical string per object: keys sorted at every level. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function helmObjects(text: string): string[] {
  return parseAllDocuments(text, { version: '1.1', uniqueKeys: false })
    .map((d) => d.toJSON() as unknown)
    .filter((v) => v !== null && typeof v === 'object')
    .map(canonical)
    .sort();
}

describe('helm differential: native render equals helm 3.17.3 on the corpus charts', function () {
  if (!existsSync(corpus)) {
    it('needs the corpus at ../shared/corpus', function () {
      this.skip();
    });
    return;
  }
  const nodeHost = nodeFileHost();
  const cache = new ParseCache();
  for (const chart of charts) {
    it(`${chart.id} (${chart.path})`, () => {
      const id = chart.id.slice(0, 2);
      const chartDir = join(corpus, chart.path);
      const root = join(corpus, chart.path.split('/')[0]);
      let host = nodeHost;
      let valueFiles = chart.valueFiles ?? [];
      if (chart.profile) {
        const mount = join(root, PROFILE_MOUNT);
        host = withMountedFolder(nodeHost, mount, join(repo, chart.profile));
        valueFiles = valueFiles.map((f) => join(relative(chartDir, mount), f));
      }
      const result = renderHelmApp({
        host,
        files: [],
        root,
        chartDir,
        applicationName: `release-${id}`,
        destinationNamespace: `ns-${id}`,
        helm: { valueFiles, apiVersions: helmDefaultApiVersions() },
        refs: new Map(),
        workspaceApiVersions: [],
        renderKey: chart.id,
        crdObjects: (file) => {
          const text = host.readFile(file);
          return text === undefined ? [] : cache.objects(file, text);
        },
      });
      const expected = helmObjects(readFileSync(join(goldenDir, `${chart.id}.yaml`), 'utf8'));
      const actual = result.objects.map((o) => canonical(o.body)).sort();
      const engineDifference = ENGINE_DIFFERENCES[chart.id];
      if (engineDifference && result.incompleteReasons.some((r) => r.includes(engineDifference))) return;
      if (WAITING_FOR_FUNCTIONS.has(chart.id) && result.incompleteReasons.length > 0) {
        const others = result.incompleteReasons.filter((r) => !/unsupported function \w+ at /.test(r));
        assert.deepEqual(others, [], 'only missing engine functions keep this chart from rendering');
        return;
      }
      assert.deepEqual(result.incompleteReasons, [], 'the render is complete');
      assert.equal(actual.length, expected.length, 'object count');
      assert.deepEqual(actual, expected);
    });
  }
});
