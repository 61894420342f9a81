// Wave of one object: gitops-engine syncwaves/waves.go `Wave()`. A parseable sync-wave wins, then a
// parseable helm.sh/hook-weight (even on a non-hook), then 0. Bad values fall back silently.

import type { K8sObject } from '../model/k8sObject';
import { HELM_HOOK_WEIGHT, SYNC_WAVE } from '../catalogue/keys';
import { annotationValue } from './classifyObject';
import { goAtoi } from './valueParsing';

export type WaveSource = 'sync-wave' | 'hook-weight' | 'default';

export interface WaveResult {
  wave: number;
  source: WaveSource;
}

export function computeWave(obj: K8sObject): WaveResult {
  const syncWave = annotationValue(obj.annotations.get(SYNC_WAVE));
  const fromSyncWave = syncWave === undefined ? undefined : goAtoi(syncWave);
  if (fromSyncWave !== undefined) return { wave: fromSyncWave, source: 'sync-wave' };
  const weight = annotationValue(obj.annotations.get(HELM_HOOK_WEIGHT));
  const fromWeight = weight === undefined ? undefined : goAtoi(weight);
  if (fromWeight !== undefined) return { wave: fromWeight, source: 'hook-weight' };
  return { wave: 0, source: 'default' };
}
