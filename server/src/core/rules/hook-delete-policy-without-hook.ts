// hook/delete-policy-without-hook: delete policies are only read for hooks; on an ordinary resource they do
// nothing (semantics 2.1; gitops-engine sync/sync_task.go hasHookDeletePolicy is only consulted for hook tasks).

import { HELM_HOOK_DELETE_POLICY, HOOK_DELETE_POLICY } from '../catalogue/keys';
import { classifyObject } from '../plan/classifyObject';
import type { Finding } from '../types';
import { finding, fix } from './support/findings';
import { isJudgeable, isTemplatedAt, removeEntryEdit } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { annotationsKnown, label } from './support/objectFacts';

export const hookDeletePolicyWithoutHook: Rule = {
  code: 'hook/delete-policy-without-hook',
  severity: 'warning',
  title: 'A hook delete policy on a resource that is not a hook: it does nothing.',
  checkObject(object, context) {
    if (classifyObject(object).kind !== 'resource' || !annotationsKnown(object, context)) return [];
    // A templated hook annotation may well make this a hook once rendered.
    for (const key of ['argocd.argoproj.io/hook', 'helm.sh/hook']) {
      const hook = object.annotations.get(key);
      if (hook && (hook.templated || (!hook.rendered && isTemplatedAt(context, hook.valueLocation)))) return [];
    }
    const findings: Finding[] = [];
    for (const key of [HOOK_DELETE_POLICY, HELM_HOOK_DELETE_POLICY]) {
      const entry = object.annotations.get(key);
      if (!isJudgeable(context, entry)) continue;
      const message = `Argo CD ignores ${key} here: this object is not a hook.`;
      const detail =
        `Argo CD reads ${key} only on hooks; ${label(object)} is not a hook (it has no hook annotation), ` +
        `so this annotation does nothing and the object is applied and pruned like any other resource.`;
      findings.push(finding(this, entry.keyLocation, message, { detail, fixes: [fix(`Remove ${key}`, [removeEntryEdit(context, entry)], true)] }));
    }
    return findings;
  },
};
