// app-of-apps/no-application-health: Argo CD has no health check for argoproj.io/Application (removed in v1.8,
// issue #3781), so a wave of child Applications counts as done as soon as they are applied and the next wave
// starts about 2 s later (semantics 4.8 and mistake 8; docs operator-manual/health.md, upgrading/1.7-1.8.md).

import { HELM_HOOK_WEIGHT, SYNC_WAVE } from '../catalogue/keys';
import { isApplication } from '../model/k8sObject';
import type { PlanTask } from '../plan/planTypes';
import type { Finding } from '../types';
import { anchorOf, appLabel, finding } from './support/findings';
import type { Rule } from './ruleTypes';
import { APPLICATION_HEALTH_KEY as HEALTH_KEY } from './support/workspaceHealth';

export const appOfAppsNoApplicationHealth: Rule = {
  code: 'app-of-apps/no-application-health',
  severity: 'warning',
  title: 'Child Applications in different sync waves without an Application health check: waves do not wait for children.',
  checkApp(app, context) {
    const children = app.plan.steps.flatMap((s) => s.tasks).filter((t) => isApplication(t.object) && !t.object.source.templated);
    const steps = [...new Set(children.map(stepOf))];
    if (steps.length < 2 || context.healthChecks().application) return [];
    // One finding per later wave, on its first Application: the wave is what starts too early.
    const findings: Finding[] = [];
    const byStep = new Map<string, PlanTask[]>();
    for (const child of children) byStep.set(stepOf(child), [...(byStep.get(stepOf(child)) ?? []), child]);
    const ordered = [...byStep.values()];
    ordered.slice(1).forEach((group, index) => {
      const previous = ordered[index];
      const message = `Argo CD starts ${stepOf(group[0])} about 2 s after ${stepOf(previous[0])} without waiting for those Applications to be healthy.`;
      const detail =
        `Argo CD has no health check for Applications, so in ${appLabel(app)} it starts ${stepOf(group[0])} (${names(group)}) ` +
        `about 2 seconds after applying ${stepOf(previous[0])} (${names(previous)}) without waiting for those to become Synced or Healthy. ` +
        `Add a health check for argoproj.io/Application (${HEALTH_KEY}) to argocd-cm if the order matters.`;
      findings.push(finding(this, waveLocation(group[0]), message, { detail }));
    });
    return findings;
  },
};

function stepOf(task: PlanTask): string {
  return `${task.phase} wave ${task.wave}`;
}

/** `Application a, b, c and 4 more` for messages. */
function names(items: (PlanTask | string)[]): string {
  const all = items.map((i) => (typeof i === 'string' ? i : i.object.name));
  const shown = all.slice(0, 3).join(', ');
  return `Application${all.length > 1 ? 's' : ''} ${shown}${all.length > 3 ? ` and ${all.length - 3} more` : ''}`;
}

function waveLocation(task: PlanTask) {
  const entry = task.object.annotations.get(task.waveSource === 'hook-weight' ? HELM_HOOK_WEIGHT : SYNC_WAVE);
  return entry && task.waveSource !== 'default' ? entry.valueLocation : anchorOf(task.object);
}
