// hook/syncfail-waves: when a sync fails, Argo CD starts every pending SyncFail hook in one go; waves only order
// the API calls, nothing waits between them (semantics 3.2, inferred from gitops-engine executeSyncFailPhase).

import { HELM_HOOK_WEIGHT, SYNC_WAVE } from '../catalogue/keys';
import { classifyObject } from '../plan/classifyObject';
import { appLabel, finding } from './support/findings';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

export const hookSyncfailWaves: Rule = {
  code: 'hook/syncfail-waves',
  severity: 'info',
  title: 'Different waves on SyncFail hooks: they order nothing, all SyncFail hooks start together.',
  checkApp(app) {
    // Only objects whose sole phase is SyncFail: for a PostSync,SyncFail hook the wave still orders the PostSync run.
    const tasks = app.plan.syncFail.filter((t) => {
      const c = classifyObject(t.object);
      return c.kind === 'hook' && c.phases.length === 1;
    });
    const waves = new Set(tasks.map((t) => t.wave));
    if (waves.size < 2) return [];
    const names = tasks.map((t) => label(t.object)).join(', ');
    return tasks.flatMap((task) => {
      const entry = task.waveSource === 'sync-wave' ? task.object.annotations.get(SYNC_WAVE) : task.waveSource === 'hook-weight' ? task.object.annotations.get(HELM_HOOK_WEIGHT) : undefined;
      if (!entry || entry.templated) return [];
      const message = 'This wave orders nothing: when a sync fails, Argo CD starts all SyncFail hooks at once.';
      const detail =
        `The wave of SyncFail hook ${label(task.object)} orders nothing: when a sync of ${appLabel(app)} fails, Argo CD starts ` +
        `all SyncFail hooks (${names}) at the same time. If one must finish before another, combine them into one hook.`;
      return [finding(this, entry.valueLocation, message, { detail })];
    });
  },
};
