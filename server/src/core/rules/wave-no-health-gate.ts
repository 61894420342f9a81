// wave/no-health-gate: between waves Argo CD waits for the applied resources to become Healthy, but a kind with
// no health check counts as done once applied (semantics 4.7 step 10 and 4.8), so a wave made only of such
// custom resources gates nothing and the next wave starts about 2 seconds later.

import { HELM_HOOK_WEIGHT, SYNC_WAVE } from '../catalogue/keys';
import { hasHealthCheck, type KindPattern } from '../health/healthChecks';
import { isApplication } from '../model/k8sObject';
import type { PlanStep, PlanTask } from '../plan/planTypes';
import { anchorOf, appLabel, finding } from './support/findings';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

export const waveNoHealthGate: Rule = {
  code: 'wave/no-health-gate',
  severity: 'info',
  title: 'A wave made only of custom resources without an Argo CD health check waits for nothing: the next wave starts at once.',
  checkApp(app, context) {
    const steps = app.plan.steps;
    // Read only when a wave qualifies, so results for other apps can be kept between analyses (see ruleMemo).
    let custom: KindPattern[] | undefined;
    return steps.slice(0, -1).flatMap((step, index) => {
      const tasks = step.tasks.filter((t) => !t.synthetic);
      // Unrendered templates hide kinds and waves; Applications are app-of-apps/no-application-health's concern.
      if (tasks.length === 0 || tasks.some((t) => t.object.source.templated || isApplication(t.object))) return [];
      if (!tasks.every(isCustomResource)) return [];
      custom ??= context.healthChecks().custom;
      const checks = custom;
      if (!tasks.every((t) => !hasHealthCheck(t.object.group, t.object.kind, checks))) return [];
      const next = steps[index + 1];
      const kinds = [...new Set(tasks.map((t) => `${t.object.group}_${t.object.kind}`))];
      const message = `Argo CD starts ${stepName(next)} about 2 s after ${stepName(step)} without waiting: its kinds have no health check.`;
      const detail =
        `${stepName(step)} of ${appLabel(app)} holds only ${names(tasks)}, whose kind${kinds.length > 1 ? 's have' : ' has'} no Argo CD health check: ` +
        `Argo CD counts ${tasks.length > 1 ? 'them' : 'it'} done as soon as applied and starts ${stepName(next)} about 2 seconds later without waiting for ${tasks.length > 1 ? 'them' : 'it'} to be ready. ` +
        `If the next wave needs ${tasks.length > 1 ? 'them' : 'it'} ready, add resource.customizations.health.${kinds[0]} (a Lua health check) to argocd-cm.`;
      return [finding(this, waveLocation(tasks[0]), message, { detail })];
    });
  },
};

/** Argo CD's own configuration kinds take effect when applied; there is nothing to wait for. */
const ARGO_CONFIG_KINDS = new Set(['argoproj.io/AppProject']);

/** Kinds from API groups outside Kubernetes itself (core groups are dotless or end in `.k8s.io`). */
function isCustomResource(task: PlanTask): boolean {
  const group = task.object.group;
  if (ARGO_CONFIG_KINDS.has(`${group}/${task.object.kind}`)) return false;
  return group.includes('.') && !group.endsWith('.k8s.io') && group !== 'k8s.io';
}

function stepName(step: PlanStep): string {
  return `${step.phase} wave ${step.wave}`;
}

function names(tasks: PlanTask[]): string {
  const shown = tasks.slice(0, 3).map((t) => label(t.object)).join(', ');
  return tasks.length > 3 ? `${shown} and ${tasks.length - 3} more` : shown;
}

function waveLocation(task: PlanTask) {
  const entry = task.object.annotations.get(task.waveSource === 'hook-weight' ? HELM_HOOK_WEIGHT : SYNC_WAVE);
  return entry && task.waveSource !== 'default' ? entry.valueLocation : anchorOf(task.object);
}
