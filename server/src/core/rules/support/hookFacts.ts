// Facts about hooks shared by the hook rules, read the way Argo CD reads them.

import { HELM_DELETE_POLICY_MAP, HOOK_DELETE_POLICIES } from '../../catalogue';
import { HELM_HOOK, HELM_HOOK_DELETE_POLICY, HOOK, HOOK_DELETE_POLICY } from '../../catalogue/keys';
import type { K8sObject } from '../../model/k8sObject';
import { classifyObject, type Classification } from '../../plan/classifyObject';
import { parseCsv } from '../../plan/valueParsing';
import type { RuleContext } from '../ruleTypes';
import { annotationsKnown } from './objectFacts';
import { isJudgeable } from './sourceText';

/** A sync-phase hook whose hook and delete-policy annotations are all literal (none comes from a template). */
export function literalSyncHook(object: K8sObject, context: RuleContext): Extract<Classification, { kind: 'hook' }> | undefined {
  if (!annotationsKnown(object, context)) return undefined;
  for (const key of [HOOK, HELM_HOOK, HOOK_DELETE_POLICY, HELM_HOOK_DELETE_POLICY]) {
    const entry = object.annotations.get(key);
    if (entry && !isJudgeable(context, entry)) return undefined;
  }
  const classification = classifyObject(object);
  return classification.kind === 'hook' ? classification : undefined;
}

/** Delete policies the author wrote (Argo CD and Helm unioned), without the BeforeHookCreation default. */
export function explicitDeletePolicies(object: K8sObject): string[] {
  const argo = parseCsv(object.annotations.get(HOOK_DELETE_POLICY)?.text ?? '').filter((p) => HOOK_DELETE_POLICIES.includes(p));
  const helm = parseCsv(object.annotations.get(HELM_HOOK_DELETE_POLICY)?.text ?? '')
    .map((p) => HELM_DELETE_POLICY_MAP[p])
    .filter((p): p is string => p !== undefined);
  return [...new Set([...argo, ...helm])];
}

/** Kinds whose finished objects count as done when applied over again: Jobs, Pods and Argo Workflows. */
export function isRunToCompletion(object: K8sObject): boolean {
  return (
    (object.group === 'batch' && object.kind === 'Job') ||
    (object.group === '' && object.kind === 'Pod') ||
    (object.group === 'argoproj.io' && object.kind === 'Workflow')
  );
}
