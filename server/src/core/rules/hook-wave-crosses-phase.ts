// hook/wave-crosses-phase: waves order objects only within a phase; Argo CD runs every PreSync hook before any
// Sync-phase object, whatever the wave numbers say (semantics: phases first, then waves inside each phase).

import { HELM_HOOK_WEIGHT, SYNC_WAVE } from '../catalogue/keys';
import type { MetadataEntry } from '../model/k8sObject';
import type { PlanTask } from '../plan/planTypes';
import { appLabel, finding } from './support/findings';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

export const hookWaveCrossesPhase: Rule = {
  code: 'hook/wave-crosses-phase',
  severity: 'warning',
  title: 'A PreSync hook with a higher wave than a Sync-phase object still runs before it: waves order only within a phase.',
  checkApp(app) {
    // Only objects read literally count: in an unrendered Helm template, conditionals and `{{ }}` waves make both
    // the hook's wave and the lowest Sync wave unknown.
    const tasks = app.plan.steps.flatMap((step) => step.tasks).filter((t) => !t.synthetic && !t.object.source.templated);
    const syncTasks = tasks.filter((t) => t.phase === 'Sync' && !waveEntry(t)?.templated);
    if (syncTasks.length === 0) return [];
    const lowestSyncWave = Math.min(...syncTasks.map((t) => t.wave));
    const firstSync = syncTasks.find((t) => t.wave === lowestSyncWave) as PlanTask;
    return tasks
      .filter((t) => t.phase === 'PreSync' && t.hook && t.wave > lowestSyncWave)
      .flatMap((task) => {
        const entry = waveEntry(task);
        if (!entry || entry.templated) return [];
        const message = `Argo CD runs this PreSync hook (wave ${task.wave}) before Sync wave ${lowestSyncWave}: phases come before waves.`;
        const detail =
          `PreSync hook ${label(task.object)} has wave ${task.wave}, higher than ${label(firstSync.object)} ` +
          `at wave ${lowestSyncWave} in ${appLabel(app)}, yet Argo CD runs it first: all PreSync hooks finish before the Sync phase starts, ` +
          `and waves order objects only within their phase.`;
        return [finding(this, entry.valueLocation, message, { detail })];
      });
  },
};

/** The annotation the task's wave was read from, if any. */
function waveEntry(task: PlanTask): MetadataEntry | undefined {
  if (task.waveSource === 'sync-wave') return task.object.annotations.get(SYNC_WAVE);
  if (task.waveSource === 'hook-weight') return task.object.annotations.get(HELM_HOOK_WEIGHT);
  return undefined;
}
