// The language server's restart budget: a few crashes restart it, a crash loop stops.

import assert from 'node:assert/strict';
import { CrashBudget } from '../../client/src/languageClient/crashBudget';

describe('CrashBudget', () => {
  it('allows maxRestarts crashes inside the window, then gives up', () => {
    let now = 0;
    const budget = new CrashBudget({ maxRestarts: 2, windowMs: 1000 }, () => now);
    assert.equal(budget.recordCrash(), true);
    now = 100;
    assert.equal(budget.recordCrash(), true);
    now = 200;
    assert.equal(budget.recordCrash(), false);
    assert.equal(budget.recentCrashes, 3);
  });

  it('forgets crashes older than the window and after a manual restart', () => {
    let now = 0;
    const budget = new CrashBudget({ maxRestarts: 1, windowMs: 1000 }, () => now);
    budget.recordCrash();
    now = 5000;
    assert.equal(budget.recordCrash(), true);
    assert.equal(budget.recordCrash(), false);
    budget.reset();
    assert.equal(budget.recordCrash(), true);
  });
});
