// gitops-engine sync_tasks.go: `Less` (phase, wave, kind rank, name) followed by `adjustDeps`, which
// moves a Namespace or CRD to just before the first task that needs it, taking that task's phase and wave.

import { PHASE_RANK } from './hookVocabulary';
import { kindRank } from './kindOrder';
import type { PlanTask } from './planTypes';

/** Our deterministic stand-in for the random tie order: namespace, then source position. */
function compareTieBreak(a: PlanTask, b: PlanTask): number {
  return (
    compareBytes(a.orderingNamespace, b.orderingNamespace) ||
    compareBytes(a.object.source.file, b.object.source.file) ||
    a.object.source.span.start - b.object.source.span.start
  );
}

/** A task with what the comparators read of it, worked out once per task rather than once per comparison. */
interface SortKey {
  task: PlanTask;
  phase: number;
  wave: number;
  kind: number;
  name: string;
}

/** Argo CD's comparator. Ties after the name are random in Argo CD (unstable sort over map order). */
function compareKeys(a: SortKey, b: SortKey): number {
  return a.phase - b.phase || a.wave - b.wave || a.kind - b.kind || compareBytes(a.name, b.name);
}

export function sortTasks(tasks: PlanTask[]): PlanTask[] {
  const keys: SortKey[] = tasks.map((task) => ({ task, phase: PHASE_RANK[task.phase], wave: task.wave, kind: kindRank(task.object.kind), name: sortName(task) }));
  keys.sort((a, b) => compareKeys(a, b) || compareTieBreak(a.task, b.task));
  for (let i = 1; i < keys.length; i++) {
    if (compareKeys(keys[i - 1], keys[i]) === 0) {
      keys[i - 1].task.fullTie = true;
      keys[i].task.fullTie = true;
    }
  }
  const sorted = keys.map((k) => k.task);
  adjustDeps(sorted, namespaceDependency, (t) => (t.orderingNamespace !== '' ? t.orderingNamespace : undefined), 'namespace');
  adjustDeps(sorted, crdDependency, (t) => `${t.object.group}/${t.object.kind}`, 'crd');
  return sorted;
}

function namespaceDependency(task: PlanTask): string | undefined {
  return task.object.kind === 'Namespace' && task.object.group === '' ? task.object.name : undefined;
}

function crdDependency(task: PlanTask): string | undefined {
  const { object } = task;
  if (object.kind !== 'CustomResourceDefinition' || object.group !== 'apiextensions.k8s.io') return undefined;
  const spec = object.body.spec as { group?: unknown; names?: { kind?: unknown } } | undefined;
  if (typeof spec?.group !== 'string' || typeof spec.names?.kind !== 'string') return undefined;
  return `${spec.group}/${spec.names.kind}`;
}

function adjustDeps(
  tasks: PlanTask[],
  dependencyKey: (t: PlanTask) => string | undefined,
  referencedKey: (t: PlanTask) => string | undefined,
  reason: 'namespace' | 'crd',
): void {
  const firstIndexByKey = new Map<string, number>();
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i];
    const depKey = dependencyKey(task);
    if (depKey !== undefined) {
      const index = firstIndexByKey.get(depKey);
      if (index === undefined) continue;
      const dependant = tasks[index];
      task.wave = dependant.wave;
      task.phase = dependant.phase;
      task.movedBefore = { object: dependant.object, reason };
      tasks.splice(i, 1);
      tasks.splice(index, 0, task);
      for (const [key, first] of firstIndexByKey) if (first >= index) firstIndexByKey.set(key, first + 1);
      continue;
    }
    const refKey = referencedKey(task);
    if (refKey !== undefined && !firstIndexByKey.has(refKey)) firstIndexByKey.set(refKey, i);
  }
}


/** Argo CD names a generateName hook generateName + revision, phase and time; other objects keep their (maybe empty) name. */
function sortName(task: PlanTask): string {
  return task.object.name || (task.hook ? task.object.generateName ?? '' : '');
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
