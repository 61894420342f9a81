// Finds where an object written in a file sits in each application's plan.

import type { AppAnalysis, WorkspaceAnalysis } from '../core/discover/appTypes';
import { displayName, type K8sObject } from '../core/model/k8sObject';
import type { PlanTask, SyncPlan } from '../core/plan/planTypes';

export type PlanPlace =
  | { app: AppAnalysis; kind: 'step'; stepIndex: number; task: PlanTask }
  | { app: AppAnalysis; kind: 'syncFail'; task: PlanTask }
  | { app: AppAnalysis; kind: 'skipped' }
  | { app: AppAnalysis; kind: 'dropped'; reason: string }
  | { app: AppAnalysis; kind: 'deleteHook'; phases: string[] };

/** Identifies an object by where it is written: file and YAML document index. */
export interface WrittenAt {
  file: string;
  docIndex: number;
}

/** Plan places of the objects Helm rendered from template `file`, each with the object. */
export function renderedPlaces(workspace: WorkspaceAnalysis, file: string): { place: PlanPlace; object: K8sObject }[] {
  const out: { place: PlanPlace; object: K8sObject }[] = [];
  const mine = (o: K8sObject): boolean => o.source.rendered === true && o.source.file === file;
  for (const app of workspace.apps) {
    const { plan } = app;
    plan.steps.forEach((step, stepIndex) => {
      for (const task of step.tasks) if (!task.synthetic && mine(task.object)) out.push({ object: task.object, place: { app, kind: 'step', stepIndex, task } });
    });
    for (const task of plan.syncFail) if (mine(task.object)) out.push({ object: task.object, place: { app, kind: 'syncFail', task } });
    for (const object of plan.skipped) if (mine(object)) out.push({ object, place: { app, kind: 'skipped' } });
    for (const d of plan.dropped) if (mine(d.object)) out.push({ object: d.object, place: { app, kind: 'dropped', reason: d.reason } });
    for (const h of plan.deleteHooks) if (mine(h.object)) out.push({ object: h.object, place: { app, kind: 'deleteHook', phases: h.phases } });
  }
  return out;
}

export function planPlaces(workspace: WorkspaceAnalysis, at: WrittenAt): PlanPlace[] {
  const places: PlanPlace[] = [];
  for (const app of workspace.apps) {
    for (const place of placesInPlan(app.plan).get(at.file)?.get(at.docIndex) ?? []) places.push({ ...place, app });
  }
  return places;
}

type PlaceInPlan = DistributiveOmit<PlanPlace, 'app'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The places of one plan's written objects, by file and document, gathered once per plan: an app whose plan was
 * kept by the analysis costs one lookup per request, not a pass over its objects (code lenses ask for each object).
 */
function placesInPlan(plan: SyncPlan): Map<string, Map<number, PlaceInPlan[]>> {
  let index = planIndexes.get(plan);
  if (index) return index;
  const byFile = new Map<string, Map<number, PlaceInPlan[]>>();
  index = byFile;
  const add = (object: K8sObject, place: PlaceInPlan): void => {
    // A rendered object's docIndex counts documents of the template's output, not of the file as written.
    if (object.source.generatedBy || object.source.rendered) return;
    let byDocument = byFile.get(object.source.file);
    if (!byDocument) byFile.set(object.source.file, (byDocument = new Map()));
    const list = byDocument.get(object.source.docIndex);
    if (list) list.push(place);
    else byDocument.set(object.source.docIndex, [place]);
  };
  plan.steps.forEach((step, stepIndex) => {
    for (const task of step.tasks) if (!task.synthetic) add(task.object, { kind: 'step', stepIndex, task });
  });
  for (const task of plan.syncFail) add(task.object, { kind: 'syncFail', task });
  for (const object of plan.skipped) add(object, { kind: 'skipped' });
  for (const dropped of plan.dropped) add(dropped.object, { kind: 'dropped', reason: dropped.reason });
  for (const hook of plan.deleteHooks) add(hook.object, { kind: 'deleteHook', phases: hook.phases });
  planIndexes.set(plan, index);
  return index;
}

const planIndexes = new WeakMap<SyncPlan, Map<string, Map<number, PlaceInPlan[]>>>();

/** Applications that render at least one object written in `file`. */
export function appsWithFile(workspace: WorkspaceAnalysis, file: string): AppAnalysis[] {
  return workspace.apps.filter((app) => app.objects.some((o) => o.source.file === file));
}

/** "Job a, ConfigMap b and 3 more". */
export function nameList(objects: readonly K8sObject[], limit = 3): string {
  if (objects.length === 0) return 'nothing';
  const names = objects.slice(0, limit).map(displayName);
  return objects.length > limit ? `${names.join(', ')} and ${objects.length - limit} more` : names.join(', ');
}

/** One line saying where the object runs, e.g. "PostSync, wave 1: runs after Job a, before nothing; step 5 of 5 of app shop". */
export function describePlace(place: PlanPlace): string {
  const steps = place.app.plan.steps;
  switch (place.kind) {
    case 'step': {
      // Inside a step, Argo CD applies kind groups one after another; across steps, step by step.
      const step = steps[place.stepIndex];
      const group = step.kindGroups.findIndex((g) => g.includes(place.task));
      const earlier = step.kindGroups.slice(0, Math.max(group, 0)).flat();
      const later = group < 0 ? [] : step.kindGroups.slice(group + 1).flat();
      const before = earlier.length ? earlier : (steps[place.stepIndex - 1]?.tasks ?? []);
      const after = later.length ? later : (steps[place.stepIndex + 1]?.tasks ?? []);
      const moved = place.task.wave !== place.task.declaredWave ? ` (declared wave ${place.task.declaredWave})` : '';
      const where = `step ${place.stepIndex + 1} of ${steps.length} of app ${place.app.name}`;
      return `${place.task.phase}, wave ${place.task.wave}${moved}: runs after ${nameList(before.map((t) => t.object))}, before ${nameList(after.map((t) => t.object))}; ${where}`;
    }
    case 'syncFail':
      return `SyncFail, wave ${place.task.wave}: runs only when the sync of app ${place.app.name} fails`;
    case 'skipped':
      return `Skipped: Argo CD never applies this object in app ${place.app.name}`;
    case 'dropped':
      return `Dropped from the sync of app ${place.app.name}: ${place.reason}`;
    case 'deleteHook':
      return `${place.phases.join(', ')} hook: runs when app ${place.app.name} is deleted, not during a sync`;
  }
}
