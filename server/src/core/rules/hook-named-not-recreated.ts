// hook/named-not-recreated: with explicit delete policies that leave out BeforeHookCreation, a named hook from an
// earlier run can still exist; Argo CD then applies over it, so a finished Job counts as succeeded without running
// again, or a changed Job fails as immutable (semantics 3.3 and mistake 10; docs user-guide/helm.md; issue #7430).

import { HELM_HOOK_DELETE_POLICY, HOOK_DELETE_POLICY } from '../catalogue/keys';
import { anchorOf, finding, fix } from './support/findings';
import { explicitDeletePolicies, isRunToCompletion, literalSyncHook } from './support/hookFacts';
import { replaceValueEdit } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

export const hookNamedNotRecreated: Rule = {
  code: 'hook/named-not-recreated',
  severity: 'warning',
  title: 'A named hook whose delete policies leave out BeforeHookCreation: a leftover object is not re-run or fails as immutable.',
  checkObject(object, context) {
    if (!object.name || !isRunToCompletion(object) || !literalSyncHook(object, context)) return [];
    const policies = explicitDeletePolicies(object);
    if (policies.length === 0 || policies.includes('BeforeHookCreation')) return [];
    const argo = object.annotations.get(HOOK_DELETE_POLICY);
    const helm = object.annotations.get(HELM_HOOK_DELETE_POLICY);
    const entry = argo ?? helm;
    const name = label(object);
    const leftOver = policies.includes('HookSucceeded') ? 'after a failed or terminated sync' : 'after a successful sync';
    const message = `Argo CD applies over a leftover ${object.kind} instead of re-running it: the delete policy lacks BeforeHookCreation.`;
    const detail =
      `${name} has a fixed name and delete policy ${policies.join(', ')} without BeforeHookCreation, so ${leftOver} the old ` +
      `object stays. On the next sync Argo CD applies over it: a finished ${object.kind} counts as done without running again, ` +
      `or a changed one fails with "field is immutable". Add BeforeHookCreation (or use generateName).`;
    const edit =
      entry?.text !== undefined
        ? replaceValueEdit(context, entry, `${entry.text.trim()},${entry === argo ? 'BeforeHookCreation' : 'before-hook-creation'}`)
        : undefined;
    return [finding(this, entry?.valueLocation ?? anchorOf(object), message, { detail, fixes: [fix('Add BeforeHookCreation', [edit], true)] })];
  },
};
