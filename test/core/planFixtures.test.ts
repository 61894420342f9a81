// Runs every plan fixture in test/core/plan/*.yaml: manifests in, expected plan written beside them.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readObjects } from '../../server/src/core/model/readObjects';
import { parseYamlFile } from '../../server/src/core/parse/parseYamlFile';
import { buildSyncPlan } from '../../server/src/core/plan/buildSyncPlan';
import { describePlan, type PlanDescription } from '../helpers/describePlan';

interface PlanCase {
  name: string;
  app?: { destinationNamespace?: string; syncOptions?: string[] };
  manifests: string;
  expect: Partial<PlanDescription> & { waves?: Record<string, number>; caveats?: string[] };
}

const dir = join(__dirname, 'plan');

for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const { cases } = parse(readFileSync(join(dir, file), 'utf8')) as { cases: PlanCase[] };
  describe(`plan fixtures: ${file}`, () => {
    for (const testCase of cases) {
      it(testCase.name, () => {
        const parsed = parseYamlFile('/fixture/manifests.yaml', testCase.manifests);
        assert.deepEqual(parsed.problems, [], 'fixture manifests must be valid YAML');
        const plan = buildSyncPlan(readObjects(parsed), testCase.app ?? {});
        const actual = describePlan(plan);
        const expected = testCase.expect;
        for (const key of ['steps', 'syncFail', 'skipped', 'dropped', 'deleteHooks'] as const) {
          assert.deepEqual(actual[key], expected[key] ?? [], `${key} of "${testCase.name}"`);
        }
        for (const [name, wave] of Object.entries(expected.waves ?? {})) {
          const task = plan.steps.flatMap((s) => s.tasks).find((t) => t.object.name === name);
          assert.equal(task?.wave, wave, `effective wave of ${name}`);
        }
        for (const fragment of expected.caveats ?? []) {
          assert.ok(plan.caveats.some((c) => c.includes(fragment)), `a caveat mentioning "${fragment}" in ${JSON.stringify(plan.caveats)}`);
        }
      });
    }
  });
}
