// compare-options/unknown: compare options are matched exactly; unknown items are ignored
// (semantics 2.3; argo-cd controller/state.go reads IgnoreExtraneous, ServerSideDiff=, IncludeMutationWebhook=true).

import { findCatalogueEntry } from '../catalogue';
import { COMPARE_OPTIONS } from '../catalogue/keys';
import { finding, fix, quoteList } from './support/findings';
import { checkItems, correctedValue, describeCorrection } from './support/hookValues';
import { isJudgeable, replaceValueEdit } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

export const COMPARE_OPTION_VALUES = (findCatalogueEntry(COMPARE_OPTIONS)?.values ?? []).map((v) => v.value);

export const compareOptionsUnknown: Rule = {
  code: 'compare-options/unknown',
  severity: 'error',
  title: 'A compare option Argo CD does not recognise: it is silently ignored.',
  checkObject(object, context) {
    const entry = object.annotations.get(COMPARE_OPTIONS);
    if (!isJudgeable(context, entry) || entry.text === undefined) return [];
    const result = checkItems(context, entry, COMPARE_OPTION_VALUES);
    const corrected = correctedValue(result);
    const edit = corrected ? replaceValueEdit(context, entry, corrected.join(',')) : undefined;
    return result.invalid.map((check) =>
      finding(
        this,
        check.item.location,
        `Argo CD ignores compare option \`${check.item.text}\` on ${label(object)}: it matches no option exactly` +
          (check.correction ? describeCorrection(check) : `. Known options: ${quoteList(COMPARE_OPTION_VALUES)}.`),
        { fixes: [corrected ? fix(`Change compare-options to ${corrected.join(',')}`, [edit], true) : undefined] },
      ),
    );
  },
};
