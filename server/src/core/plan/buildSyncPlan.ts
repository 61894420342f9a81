// Builds the sync plan of one application from its rendered objects (semantics notes 4.1-4.6, 4.10).

import type { K8sObject } from '../model/k8sObject';
import { classifyObject } from './classifyObject';
import { computeWave } from './computeWave';
import { planCaveats } from './planCaveats';
import type { DeleteHook, DroppedObject, PlanOptions, PlanStep, PlanTask, SyncPlan } from './planTypes';
import { sortTasks } from './sortTasks';
import type { SyncPhase } from './hookVocabulary';

export function buildSyncPlan(objects: readonly K8sObject[], options: PlanOptions = {}): SyncPlan {
  const tasks: PlanTask[] = [];
  const skipped: K8sObject[] = [];
  const dropped: DroppedObject[] = [];
  const deleteHooks: DeleteHook[] = [];
  const destination = options.destinationNamespace ?? '';

  for (const object of objects) {
    const classification = classifyObject(object);
    switch (classification.kind) {
      case 'skip':
        skipped.push(object);
        break;
      case 'dropped':
        dropped.push({ object, reason: classification.reason });
        break;
      case 'delete-hook':
        deleteHooks.push({ object, phases: classification.deletePhases, deletePolicies: classification.deletePolicies });
        break;
      case 'resource':
        tasks.push(newTask(object, 'Sync', false, [], destination));
        break;
      case 'hook':
        for (const phase of classification.phases) tasks.push(newTask(object, phase, true, classification.deletePolicies, destination));
        if (classification.deletePhases.length > 0) {
          deleteHooks.push({ object, phases: classification.deletePhases, deletePolicies: classification.deletePolicies });
        }
        break;
    }
  }

  const createNamespace = createNamespaceTask(options, tasks, skipped);
  if (createNamespace) tasks.push(createNamespace);

  const sorted = sortTasks(tasks);
  const syncFail = sorted.filter((t) => t.phase === 'SyncFail');
  const steps = groupSteps(sorted.filter((t) => t.phase !== 'SyncFail'));
  return { steps, syncFail, skipped, dropped, deleteHooks, caveats: planCaveats(sorted, objects, options) };
}

function newTask(object: K8sObject, phase: SyncPhase, hook: boolean, deletePolicies: string[], destination: string): PlanTask {
  const { wave, source } = computeWave(object);
  return {
    object,
    phase,
    declaredPhase: phase,
    wave,
    declaredWave: wave,
    waveSource: source,
    hook,
    deletePolicies: hook ? deletePolicies : [],
    // Argo CD gives every target without a namespace the destination namespace, cluster-scoped kinds included.
    orderingNamespace: object.namespace || destination,
  };
}

/**
 * `CreateNamespace=true`: a PreSync wave-0 Namespace task unless a (non-hook) manifest is that Namespace.
 * Skip objects count: they are not hooks and stay among the engine's resources.
 */
function createNamespaceTask(options: PlanOptions, tasks: PlanTask[], skipped: K8sObject[]): PlanTask | undefined {
  const destination = options.destinationNamespace;
  if (!destination || !(options.syncOptions ?? []).includes('CreateNamespace=true')) return undefined;
  const isDestination = (o: K8sObject): boolean => o.kind === 'Namespace' && o.group === '' && o.name === destination;
  if (tasks.some((t) => !t.hook && isDestination(t.object)) || skipped.some(isDestination)) return undefined;
  const object: K8sObject = {
    id: `create-namespace:${destination}`,
    apiVersion: 'v1',
    group: '',
    kind: 'Namespace',
    name: destination,
    annotations: new Map(),
    labels: new Map(),
    body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: destination } },
    // Argo CD makes this object itself; front ends point at the Application that asks for it.
    source: { file: '', docIndex: 0, span: { start: 0, end: 0 }, anchor: { start: 0, end: 0 } },
  };
  return { ...newTask(object, 'PreSync', false, [], destination), synthetic: 'create-namespace' };
}

/** Steps are runs of equal (phase, wave) in sorted order. */
function groupSteps(tasks: PlanTask[]): PlanStep[] {
  const steps: PlanStep[] = [];
  for (const task of tasks) {
    const last = steps[steps.length - 1];
    if (last && last.phase === task.phase && last.wave === task.wave) last.tasks.push(task);
    else steps.push({ phase: task.phase, wave: task.wave, tasks: [task], kindGroups: [] });
  }
  for (const step of steps) step.kindGroups = groupByConsecutiveKind(step.tasks);
  return steps;
}

function groupByConsecutiveKind(tasks: PlanTask[]): PlanTask[][] {
  const groups: PlanTask[][] = [];
  for (const task of tasks) {
    const last = groups[groups.length - 1];
    if (last && last[0].object.kind === task.object.kind) last.push(task);
    else groups.push([task]);
  }
  return groups;
}
