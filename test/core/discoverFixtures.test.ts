// Runs every discovery fixture in test/core/discover/*.yaml: a workspace of files in, the expected apps out.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyzeWorkspace } from '../../server/src/core/analyzeWorkspace';
import { relativePath } from '../../server/src/core/paths';
import { describePlan } from '../helpers/describePlan';
import { memoryHost } from '../helpers/memoryHost';

interface ExpectedApp {
  name: string;
  path: string;
  source: string;
  definedBy?: string;
  complete?: boolean;
  steps?: string[];
  children?: string[];
  /** True when no Application of the workspace deploys the app's folder. */
  notDeployed?: boolean;
  /** The namespace objects without one are synced to (the Application's destination). */
  destination?: string;
}

interface DiscoverCase {
  name: string;
  files: Record<string, string>;
  expect: { apps: ExpectedApp[] };
}

const ROOT = '/ws';
const dir = join(__dirname, 'discover');

for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const { cases } = parse(readFileSync(join(dir, file), 'utf8')) as { cases: DiscoverCase[] };
  describe(`discovery fixtures: ${file}`, () => {
    for (const testCase of cases) {
      it(testCase.name, () => {
        const files = Object.fromEntries(Object.entries(testCase.files).map(([path, text]) => [`${ROOT}/${path}`, text]));
        const workspace = analyzeWorkspace(memoryHost(files), ROOT);
        const byId = new Map(workspace.apps.map((a) => [a.id, a]));
        const actual = workspace.apps.map((app) => {
          const entry: ExpectedApp = { name: app.name, path: relativePath(ROOT, app.path), source: app.sourceType };
          const expected = testCase.expect.apps.find((e) => e.name === app.name && e.path === entry.path);
          if (expected?.definedBy !== undefined) entry.definedBy = app.definedBy ? relativePath(ROOT, app.definedBy.source.file) : '';
          if (expected?.complete !== undefined) entry.complete = app.complete;
          if (expected?.steps !== undefined) entry.steps = describePlan(app.plan).steps;
          if (expected?.notDeployed !== undefined) entry.notDeployed = app.notDeployed ?? false;
          if (expected?.destination !== undefined) entry.destination = app.destinationNamespace ?? '';
          if (expected?.children !== undefined) entry.children = app.children.map((id) => byId.get(id)?.name ?? id);
          return entry;
        });
        const sortKey = (a: ExpectedApp) => `${a.path}\u0000${a.name}`;
        assert.deepEqual(
          [...actual].sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
          [...testCase.expect.apps].sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
        );
      });
    }
  });
}
