// hook/generate-name-accumulates: BeforeHookCreation (the default) deletes an existing object with the same name,
// but a generateName hook gets a new name on every sync, so its old objects are never cleaned up
// (semantics 3.3 and mistake 11; gitops-engine sync/sync_context.go hook naming).

import { anchorOf, finding } from './support/findings';
import { explicitDeletePolicies, literalSyncHook } from './support/hookFacts';
import { locationAt } from './support/podSpecs';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

export const hookGenerateNameAccumulates: Rule = {
  code: 'hook/generate-name-accumulates',
  severity: 'info',
  title: 'A generateName hook without HookSucceeded/HookFailed: old hook objects pile up.',
  checkObject(object, context) {
    if (object.name || !object.generateName || !literalSyncHook(object, context)) return [];
    const policies = explicitDeletePolicies(object);
    if (policies.some((p) => p !== 'BeforeHookCreation')) return [];
    const policyWords = policies.length === 0 ? 'no delete policy, so Argo CD uses BeforeHookCreation' : 'only BeforeHookCreation';
    const message = `Each sync creates a ${object.kind} with a new name that Argo CD never deletes, so old ones pile up.`;
    const detail =
      `${label(object)} uses generateName with ${policyWords}, which only removes an object with the same name; ` +
      `each sync creates a new name, so old ${object.kind}s pile up. Add argocd.argoproj.io/hook-delete-policy: HookSucceeded ` +
      `(or give it a fixed name).`;
    const at = object.source.node ? locationAt(object, ['metadata', 'generateName'], object.generateName) : anchorOf(object);
    return [finding(this, at, message, { detail })];
  },
};
