// "Copy plan as Markdown": a table per application in sync order, then the resources outside the steps.

import assert from 'node:assert/strict';
import { appPlanMarkdown, plansMarkdown } from '../../client/src/tree/planMarkdown';
import { backendApp, frontendApp } from './fakePlans';

describe('plan as Markdown', () => {
  it('writes one row per resource in sync order', () => {
    const lines = appPlanMarkdown(backendApp).split('\n');
    assert.equal(lines[0], '### backend');
    const rows = lines.filter((l) => /^\| \d/.test(l));
    assert.deepEqual(rows.map((r) => r.split(' | ').slice(0, 4).join(' | ')), [
      '| 1/3 | PreSync | -1 | Job db-migrate',
      '| 2/3 | Sync | 0 | ConfigMap a',
      '| 2/3 | Sync | 0 | ConfigMap b',
      '| 2/3 | Sync | 0 | ConfigMap c',
      '| 2/3 | Sync | 0 | Deployment api',
      '| 3/3 | PostSync | 0 | Job smoke',
    ]);
    assert.match(rows[0], /\| backend\/migrate\.yaml:1 \| hook; delete: BeforeHookCreation \|$/);
    assert.ok(lines.includes('**Dropped (not synced)**'));
    assert.ok(lines.includes('- Job typo (hook type "presync" is unknown)'));
    assert.ok(lines.includes('- Job cleanup (PostDelete, HookSucceeded)'));
  });

  it('flags incomplete plans and escapes pipes', () => {
    const markdown = plansMarkdown([{ ...frontendApp, incompleteReasons: ['a | b'] }]);
    assert.match(markdown, /> ⚠ Incomplete plan: a \| b/);
    assert.match(markdown, /\| 1\/1 \| Sync \| 0 \| Service web \|/);
  });
});
