// Shared by the sync-options and compare-options annotation rules: each item that matches no known
// option exactly is ignored by Argo CD; report it with the nearest option and a fix for the whole value.

import type { K8sObject } from '../../model/k8sObject';
import type { Finding } from '../../types';
import type { Rule, RuleContext } from '../ruleTypes';
import { finding, fix } from './findings';
import { checkItems, correctedValue, describeCorrection, shortCorrection } from './hookValues';
import { label } from './objectFacts';
import { isJudgeable, replaceValueEdit } from './sourceText';

export interface UnknownOptionsSpec {
  /** The annotation key, e.g. argocd.argoproj.io/sync-options. */
  key: string;
  /** What one item is called in messages, e.g. "sync option". */
  noun: string;
  /** The annotation's short name in the fix title, e.g. "sync-options". */
  shortKey: string;
  known: readonly string[];
  /** Appended to the message when no nearest option exists. */
  noMatchHint: string;
}

export function unknownOptionItems(rule: Rule, object: K8sObject, context: RuleContext, spec: UnknownOptionsSpec): Finding[] {
  const entry = object.annotations.get(spec.key);
  if (!isJudgeable(context, entry) || entry.text === undefined) return [];
  const result = checkItems(context, entry, spec.known);
  const corrected = correctedValue(result);
  const edit = corrected ? replaceValueEdit(context, entry, corrected.join(',')) : undefined;
  return result.invalid.map((check) =>
    finding(
      rule,
      check.item.location,
      `Argo CD ignores ${spec.noun} \`${check.item.text}\`${check.correction ? shortCorrection(check) : ': it matches no option exactly.'}`,
      {
        detail:
          `Argo CD ignores ${spec.noun} \`${check.item.text}\` on ${label(object)}: it matches no option exactly` +
          (check.correction ? describeCorrection(check) : spec.noMatchHint),
        fixes: [corrected ? fix(`Change ${spec.shortKey} to ${corrected.join(',')}`, [edit], true) : undefined] },
    ),
  );
}
