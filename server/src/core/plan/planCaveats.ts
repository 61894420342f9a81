// What a static plan cannot know (semantics notes 4.10, "What static analysis cannot know"), stated per plan.

import type { K8sObject } from '../model/k8sObject';
import type { PlanOptions, PlanTask } from './planTypes';

export function planCaveats(sorted: PlanTask[], objects: readonly K8sObject[], options: PlanOptions): string[] {
  const caveats: string[] = [];
  const ties = sorted.filter((t) => t.fullTie);
  if (ties.length > 0) {
    caveats.push(
      `${ties.length} tasks share phase, wave, kind and name with another task; Argo CD orders such ties randomly (they are applied in the same kind group, in parallel).`,
    );
  }
  if (sorted.some((t) => !Number.isSafeInteger(t.wave))) {
    // gitops-engine `Less` subtracts int64 waves, which overflows when they are more than 2^63-1 apart.
    caveats.push(
      'Some waves are beyond ±2^53: SyncPlan shows them rounded, and Argo CD compares waves by an int64 subtraction that overflows near ±2^63, so their order may differ.',
    );
  }
  const destination = options.destinationNamespace;
  if (destination && sorted.some((t) => t.object.kind === 'Namespace' && t.object.name === destination)) {
    caveats.push(`If namespace ${destination} does not exist yet, Argo CD creates it before every other task, whatever its wave.`);
  }
  if (sorted.some((t) => t.hook && !t.object.name && t.object.generateName)) {
    caveats.push('Hooks with generateName get a new name each sync (generateName + revision, phase and start time).');
  }
  if (objects.some((o) => o.source.templated)) {
    caveats.push('Some objects come from Helm templates that SyncPlan does not evaluate; their values may differ on the cluster.');
  }
  const syncOptions = options.syncOptions ?? [];
  if (syncOptions.includes('ApplyOutOfSyncOnly=true')) {
    caveats.push('ApplyOutOfSyncOnly=true: resources already in sync are not applied and do not gate their wave; hooks still run. Which ones are in sync depends on the cluster.');
  }
  if (syncOptions.includes('PruneLast=true')) {
    caveats.push('PruneLast=true: prunes run after the last Sync wave, before PostSync.');
  }
  caveats.push('Prune tasks depend on what is live in the cluster and are not shown; Argo CD prunes higher waves first.');
  return caveats;
}
