// package.json's `syncplan.severity` lists exactly the codes SyncPlan produces, with their defaults.

import assert from 'node:assert/strict';
import { readPackageJson, severityProperties } from './severitySettings';

describe('syncplan.severity setting', () => {
  it('lists every rule code with its default severity (npx tsx test/client/severitySettings.ts --write updates it)', () => {
    const declared = readPackageJson().contributes.configuration.properties['syncplan.severity'].properties;
    assert.deepEqual(declared, severityProperties());
  });
});
