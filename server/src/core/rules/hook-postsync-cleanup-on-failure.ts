// hook/postsync-cleanup-on-failure: PostSync hooks run only when every earlier step succeeded; after a failed sync
// only SyncFail hooks run (semantics 3.2 and mistake 9; docs user-guide/sync-waves.md; argo-cd issue #815).

import { HELM_HOOK, HOOK } from '../catalogue/keys';
import type { K8sObject } from '../model/k8sObject';
import { anchorOf, finding, fix } from './support/findings';
import { literalSyncHook } from './support/hookFacts';
import { deletingAction } from './support/deletingCommands';
import { containersOf, podSpecOf } from './support/podSpecs';
import { isJudgeable, replaceValueEdit } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

// Judged from the object's name and from commands that delete resources; words in printed hints or in other
// commands (a migration that mentions "remove") are not evidence.
const CLEANUP_WORDS = /(^|[^a-z])(clean-?up|clean_up|teardown|tear-down|delete|destroy|drop|remove)([^a-z]|$)/i;

export const hookPostsyncCleanupOnFailure: Rule = {
  code: 'hook/postsync-cleanup-on-failure',
  severity: 'info',
  title: 'A PostSync hook that looks like cleanup: it never runs after a failed sync; add SyncFail if it must.',
  checkObject(object, context) {
    const hook = literalSyncHook(object, context);
    if (!hook || !hook.phases.includes('PostSync') || hook.phases.includes('SyncFail')) return [];
    const reason = cleanupEvidence(object);
    if (!reason) return [];
    const entry = object.annotations.get(HOOK);
    const at = hook.typesFrom === 'helm' ? object.annotations.get(HELM_HOOK)?.valueLocation : entry?.valueLocation;
    const message = 'This cleanup hook never runs after a failed sync: Argo CD runs PostSync hooks only on success.';
    const detail =
      `${label(object)} looks like cleanup (${reason}) but is a PostSync hook, which Argo CD runs only after every ` +
      `earlier step succeeded; after a failed sync it never runs. If it must also clean up after a failure, add SyncFail to its hook types.`;
    const edit = hook.typesFrom === 'argocd' && isJudgeable(context, entry) && entry.text !== undefined ? replaceValueEdit(context, entry, `${entry.text.trim()},SyncFail`) : undefined;
    return [
      finding(this, at ?? anchorOf(object), message, { detail,
        fixes: [fix('Also run it when the sync fails (add SyncFail)', [edit])],
      }),
    ];
  },
};

function cleanupEvidence(object: K8sObject): string | undefined {
  const name = object.name || object.generateName || '';
  const inName = name.match(CLEANUP_WORDS);
  if (inName) return `its name mentions "${inName[2]}"`;
  const pod = podSpecOf(object);
  for (const { container } of pod ? containersOf(pod) : []) {
    const action = deletingAction(container.command, container.args);
    if (action) return `its command runs ${action}`;
  }
  return undefined;
}
