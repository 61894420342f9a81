// compare-options/unknown: compare options are matched exactly; unknown items are ignored
// (semantics 2.3; argo-cd controller/state.go reads IgnoreExtraneous, ServerSideDiff=, IncludeMutationWebhook=true).

import { findCatalogueEntry } from '../catalogue';
import { COMPARE_OPTIONS } from '../catalogue/keys';
import { quoteList } from './support/findings';
import type { Rule } from './ruleTypes';
import { unknownOptionItems } from './support/unknownOptionItems';

export const COMPARE_OPTION_VALUES = (findCatalogueEntry(COMPARE_OPTIONS)?.values ?? []).map((v) => v.value);

export const compareOptionsUnknown: Rule = {
  code: 'compare-options/unknown',
  severity: 'error',
  title: 'A compare option Argo CD does not recognise: it is silently ignored.',
  checkObject(object, context) {
    return unknownOptionItems(this, object, context, {
      key: COMPARE_OPTIONS,
      noun: 'compare option',
      shortKey: 'compare-options',
      known: COMPARE_OPTION_VALUES,
      noMatchHint: `. Known options: ${quoteList(COMPARE_OPTION_VALUES)}.`,
    });
  },
};
