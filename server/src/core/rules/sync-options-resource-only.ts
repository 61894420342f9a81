// sync-options/resource-only: Force=true (and ServerSideApply=false) are only read from the resource annotation;
// in an Application's spec.syncPolicy.syncOptions no code reads them (semantics 2.2; argo-cd controller/sync.go,
// where a forced sync comes from the sync strategy instead).

import { syncOptionInfo } from '../catalogue';
import { finding, fix } from './support/findings';
import { applicationSyncOptionItems, removeItemEdit } from './support/appSyncOptions';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

export const syncOptionsResourceOnly: Rule = {
  code: 'sync-options/resource-only',
  severity: 'warning',
  title: 'A resource-only sync option (such as Force=true) in an Application\'s syncOptions: it is never read there.',
  checkObject(object, context) {
    return applicationSyncOptionItems(object, context)
      .filter((item) => {
        const info = syncOptionInfo(item.text);
        return info !== undefined && info.resource && !info.application;
      })
      .map((item) => {
        const message = `Argo CD ignores \`${item.text}\` in an Application's syncOptions; it only works as a resource annotation.`;
        const detail =
          `Argo CD never reads \`${item.text}\` from spec.syncPolicy.syncOptions of ${label(object)}, so it does nothing there. ` +
          `Put it in the argocd.argoproj.io/sync-options annotation of the resources that need it` +
          (item.text === 'Force=true' ? ', or force a whole sync with the sync strategy (argocd app sync --force).' : '.');
        return finding(this, item.location, message, { detail, fixes: [fix(`Remove ${item.text}`, [removeItemEdit(context, item)], true)] });
      });
  },
};
