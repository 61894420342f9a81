// compare-options/misplaced: ServerSideDiff= and IncludeMutationWebhook=true are read from the Application's own
// annotation; on any other resource they do nothing (semantics 2.3; argo-cd controller/state.go L915-936).

import { findCatalogueEntry } from '../catalogue';
import { COMPARE_OPTIONS } from '../catalogue/keys';
import { isApplication } from '../model/k8sObject';
import { finding, fix } from './support/findings';
import { csvItems, isJudgeable, rewriteCsvEdit } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

const APPLICATION_ONLY = (findCatalogueEntry(COMPARE_OPTIONS)?.values ?? []).filter((v) => v.placement === 'application').map((v) => v.value);

export const compareOptionsMisplaced: Rule = {
  code: 'compare-options/misplaced',
  severity: 'warning',
  title: 'An Application-only compare option (ServerSideDiff, IncludeMutationWebhook) on another resource: it does nothing.',
  checkObject(object, context) {
    // IgnoreExtraneous stays valid on an Application too: there it is a resource of its parent app.
    if (isApplication(object)) return [];
    const entry = object.annotations.get(COMPARE_OPTIONS);
    if (!isJudgeable(context, entry) || entry.text === undefined) return [];
    const items = csvItems(context, entry);
    return items
      .filter((item) => APPLICATION_ONLY.includes(item.text))
      .map((item) => {
        const message = `Argo CD reads compare option \`${item.text}\` only on an Application; here it does nothing.`;
        const detail =
          `Argo CD reads compare option \`${item.text}\` only from an Application's annotations; on ${label(object)} it does nothing. ` +
          'Put it on the Application that deploys this object.';
        const rest = items.filter((i) => i !== item).map((i) => i.text);
        return finding(this, item.location, message, { detail, fixes: [fix(`Remove ${item.text}`, [rewriteCsvEdit(context, entry, rest)], true)] });
      });
  },
};
