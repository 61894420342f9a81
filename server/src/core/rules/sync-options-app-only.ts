// sync-options/app-only: options such as CreateNamespace=true, ApplyOutOfSyncOnly=true, PrunePropagationPolicy,
// RespectIgnoreDifferences and FailOnSharedResource are only read from an Application's syncOptions; as a
// resource annotation no code reads them (semantics 2.2 and mistake 14; argo-cd controller/sync.go).

import { syncOptionInfo } from '../catalogue';
import { SYNC_OPTIONS } from '../catalogue/keys';
import { finding, fix } from './support/findings';
import { csvItems, isJudgeable, rewriteCsvEdit } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

export const syncOptionsAppOnly: Rule = {
  code: 'sync-options/app-only',
  severity: 'warning',
  title: 'An Application-only sync option used as a resource annotation: it does nothing there.',
  checkObject(object, context) {
    const entry = object.annotations.get(SYNC_OPTIONS);
    if (!isJudgeable(context, entry) || entry.text === undefined) return [];
    const items = csvItems(context, entry);
    return items
      .filter((item) => {
        const info = syncOptionInfo(item.text);
        return info !== undefined && info.application && !info.resource;
      })
      .map((item) => {
        const message = `Argo CD reads \`${item.text}\` only in an Application's syncOptions; as an annotation it does nothing.`;
        const detail =
          `Argo CD reads \`${item.text}\` only from an Application's spec.syncPolicy.syncOptions; as an annotation on ` +
          `${label(object)} it does nothing. Move it to the Application that deploys this object.`;
        const rest = items.filter((i) => i !== item).map((i) => i.text);
        return finding(this, item.location, message, { detail, fixes: [fix(`Remove ${item.text}`, [rewriteCsvEdit(context, entry, rest)], true)] });
      });
  },
};
