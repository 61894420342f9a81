// hook/delete-policy-unknown: delete policies are matched exactly; unknown items are ignored and, when no valid
// policy is left, Argo CD uses BeforeHookCreation (semantics 3.3; gitops-engine sync/hook/delete_policy.go).

import { HELM_DELETE_POLICY_MAP, HOOK_DELETE_POLICIES } from '../catalogue';
import { HELM_HOOK_DELETE_POLICY, HOOK_DELETE_POLICY } from '../catalogue/keys';
import type { K8sObject } from '../model/k8sObject';
import { classifyObject, deletePoliciesOf } from '../plan/classifyObject';
import type { Finding } from '../types';
import { finding, fix, quoteList } from './support/findings';
import { checkItems, correctedValue, describeCorrection } from './support/hookValues';
import { isJudgeable, replaceValueEdit } from './support/sourceText';
import type { Rule, RuleContext } from './ruleTypes';
import { label } from './support/objectFacts';

export const hookDeletePolicyUnknown: Rule = {
  code: 'hook/delete-policy-unknown',
  severity: 'error',
  title: 'A hook delete policy Argo CD does not know: it is ignored.',
  checkObject(object, context) {
    // On a non-hook the whole annotation does nothing (hook/delete-policy-without-hook says so).
    const kind = classifyObject(object).kind;
    if (kind === 'resource' || kind === 'skip') return [];
    return [
      ...check(this, object, context, HOOK_DELETE_POLICY, HOOK_DELETE_POLICIES),
      ...check(this, object, context, HELM_HOOK_DELETE_POLICY, Object.keys(HELM_DELETE_POLICY_MAP)),
    ];
  },
};

function check(rule: Rule, object: K8sObject, context: RuleContext, key: string, valid: readonly string[]): Finding[] {
  const entry = object.annotations.get(key);
  if (!isJudgeable(context, entry) || entry.text === undefined) return [];
  const result = checkItems(context, entry, valid);
  if (result.invalid.length === 0) return [];
  const single = result.invalid.length === 1 ? result.invalid[0] : undefined;
  const effective = deletePoliciesOf(object).join(', ');
  const message = `Argo CD ignores delete policy ${quoteList(result.invalid.map((i) => i.item.text))}; the hook is cleaned up by ${effective} only.`;
  const detail =
    `Argo CD ignores delete policy ${quoteList(result.invalid.map((i) => i.item.text))} in ${key} on ${label(object)}, ` +
    `so the hook is cleaned up by ${effective} only${single ? describeCorrection(single) : `. Valid values: ${quoteList([...valid])}.`}`;
  const corrected = correctedValue(result);
  return [
    finding(rule, single?.item.exact ? single.item.location : entry.valueLocation, message, { detail,
      fixes: [corrected ? fix(`Change the delete policy to ${corrected.join(',')}`, [replaceValueEdit(context, entry, corrected.join(','))], true) : undefined],
    }),
  ];
}
