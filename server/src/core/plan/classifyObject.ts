// How Argo CD classifies one rendered object before ordering: section 3.1 of the semantics notes
// (gitops-engine sync/hook/hook.go, sync/ignore/ignore.go; argo-cd controller/hook.go and state.go).

import type { K8sObject, MetadataEntry } from '../model/k8sObject';
import { HELM_HOOK, HELM_HOOK_DELETE_POLICY, HOOK, HOOK_DELETE_POLICY } from '../catalogue/keys';
import {
  ARGO_DELETE_POLICIES, ENGINE_HOOK_TYPES, HELM_DELETE_POLICY_MAP, HELM_HOOK_MAP, isDeletePhase, isSyncPhase,
  type DeletePhase, type SyncPhase,
} from './hookVocabulary';
import { parseCsv } from './valueParsing';
import { valueText } from '../model/valueText';
import { perContent } from '../model/movedObjects';

export type Classification =
  | { kind: 'resource'; phases: ['Sync'] }
  | { kind: 'hook'; phases: SyncPhase[]; deletePhases: DeletePhase[]; deletePolicies: string[]; typesFrom: 'argocd' | 'helm' }
  | { kind: 'skip' }
  | { kind: 'dropped'; reason: string; deletePhases: [] }
  | { kind: 'delete-hook'; deletePhases: DeletePhase[]; deletePolicies: string[] };

/** The annotation's value as Argo CD sees it; a non-string value (which Argo CD 2.8+ rejects) is read as its text. */
export function annotationValue(entry: MetadataEntry | undefined): string | undefined {
  if (!entry) return undefined;
  if (entry.text !== undefined) return entry.text;
  return valueText(entry.value);
}

/** Written once per object content (see perContent): the answer is shared, never to be changed. */
export const classifyObject: (obj: K8sObject) => Classification = perContent(classify);

function classify(obj: K8sObject): Classification {
  const argoValue = annotationValue(obj.annotations.get(HOOK));
  const helmValue = annotationValue(obj.annotations.get(HELM_HOOK));
  const argoItems = argoValue === undefined ? [] : parseCsv(argoValue);
  const helmItems = helmValue === undefined ? [] : parseCsv(helmValue);

  // Engine `Types()`: valid Argo CD types win; only when none is valid are Helm types mapped.
  const argoTypes = argoItems.filter((t) => ENGINE_HOOK_TYPES.has(t));
  const engineTypes = argoTypes.length > 0 ? argoTypes : mappedHelmTypes(helmItems).filter((t) => ENGINE_HOOK_TYPES.has(t));
  const isSkip = engineTypes.length === 1 && engineTypes[0] === 'Skip';
  // `IsHook()`: the Argo CD key being present makes a hook (unless Skip); else a Helm hook other than exactly crd-install.
  const isHook = argoValue !== undefined ? !isSkip : helmValue !== undefined && helmValue !== 'crd-install';

  // Controller pre-filter: PreDelete/PostDelete hooks leave the sync unless they also carry a sync-phase type.
  const deletePhases = unique([...argoItems.filter(isDeletePhase), ...mappedHelmTypes(helmItems).filter(isDeletePhase)]);
  const syncPhases = engineTypes.filter(isSyncPhase);
  const deletePolicies = deletePoliciesOf(obj);

  // The pre-filter runs before the engine, so it also takes Skip objects with a delete type ("Skip,PostDelete").
  if (deletePhases.length > 0 && syncPhases.length === 0) return { kind: 'delete-hook', deletePhases, deletePolicies };
  if (isSkip) return { kind: 'skip' };
  if (!isHook) return { kind: 'resource', phases: ['Sync'] };
  if (syncPhases.length === 0) return { kind: 'dropped', reason: droppedReason(argoValue, helmValue), deletePhases: [] };
  return { kind: 'hook', phases: syncPhases, deletePhases, deletePolicies, typesFrom: argoTypes.length > 0 ? 'argocd' : 'helm' };
}

function mappedHelmTypes(items: string[]): string[] {
  return unique(items.map((item) => HELM_HOOK_MAP.get(item)).filter((t): t is string => t !== undefined));
}

/** Argo CD and Helm policies are unioned; an empty union means BeforeHookCreation (engine `DeletePolicies`). */
export function deletePoliciesOf(obj: K8sObject): string[] {
  const argo = parseCsv(annotationValue(obj.annotations.get(HOOK_DELETE_POLICY)) ?? '').filter((p) => ARGO_DELETE_POLICIES.has(p));
  const helm = parseCsv(annotationValue(obj.annotations.get(HELM_HOOK_DELETE_POLICY)) ?? '')
    .map((p) => HELM_DELETE_POLICY_MAP.get(p))
    .filter((p): p is string => p !== undefined);
  const union = unique([...argo, ...helm]);
  return union.length > 0 ? union : ['BeforeHookCreation'];
}

function droppedReason(argoValue: string | undefined, helmValue: string | undefined): string {
  if (argoValue !== undefined) {
    const shown = argoValue === '' ? 'an empty value' : `"${argoValue}"`;
    return `argocd.argoproj.io/hook has ${shown}, which names no hook type Argo CD knows; the object is a hook with no phase and is left out of the sync`;
  }
  return `helm.sh/hook "${helmValue ?? ''}" is a Helm hook that Argo CD does not support; the object is left out of the sync`;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
