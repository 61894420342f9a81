// Compact text form of a sync plan, used by the plan fixtures' expectations.

import type { K8sObject } from '../../server/src/core/model/k8sObject';
import type { PlanTask, SyncPlan } from '../../server/src/core/plan/planTypes';

export function objectLabel(object: K8sObject): string {
  const name = object.name || `${object.generateName ?? ''}*`;
  return `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${name}`;
}

function taskLabel(task: PlanTask): string {
  return objectLabel(task.object);
}

export interface PlanDescription {
  steps: string[];
  syncFail: string[];
  skipped: string[];
  dropped: string[];
  deleteHooks: string[];
}

export function describePlan(plan: SyncPlan): PlanDescription {
  return {
    steps: plan.steps.map((s) => `${s.phase} ${s.wave}: ${s.tasks.map(taskLabel).join(', ')}`),
    syncFail: plan.syncFail.map((t) => `${taskLabel(t)} (wave ${t.wave})`),
    skipped: plan.skipped.map(objectLabel),
    dropped: plan.dropped.map((d) => objectLabel(d.object)),
    deleteHooks: plan.deleteHooks.map((h) => `${objectLabel(h.object)} ${h.phases.join(',')} [${h.deletePolicies.join(',')}]`),
  };
}
