// sync-options/unknown: sync options are compared as exact strings (only Prune= and Delete= are read as key=value).
// An item that matches nothing is ignored without a warning. Annotation items are trimmed; items of an
// Application's spec.syncPolicy.syncOptions are not (semantics 1.1-1.4 and 1.6; gitops-engine
// sync/resource/annotations.go; argo-cd pkg/apis/application/v1alpha1/types.go HasOption).

import { applicationSyncOptions, closestMatch, resourceSyncOptions, syncOptionInfo, SYNC_OPTIONS } from '../catalogue';
import { SYNC_OPTIONS as SYNC_OPTIONS_KEY } from '../catalogue/keys';
import type { K8sObject } from '../model/k8sObject';
import type { Finding } from '../types';
import type { Rule, RuleContext } from './ruleTypes';
import { applicationSyncOptionItems, replaceItemEdit } from './support/appSyncOptions';
import { finding, fix } from './support/findings';
import { unknownOptionItems } from './support/unknownOptionItems';
import { label } from './support/objectFacts';

const ALL_OPTIONS = [...new Set([...resourceSyncOptions(), ...SYNC_OPTIONS].map((o) => o.option))];
const APP_OPTIONS = applicationSyncOptions().map((o) => o.option);

export const syncOptionsUnknown: Rule = {
  code: 'sync-options/unknown',
  severity: 'error',
  title: 'A sync option Argo CD does not recognise (case, spaces, typos, wrong separator): it is silently ignored.',
  checkObject(object, context) {
    return [...checkAnnotation(this, object, context), ...checkApplicationSpec(this, object, context)];
  },
};

function checkAnnotation(rule: Rule, object: K8sObject, context: RuleContext): Finding[] {
  return unknownOptionItems(rule, object, context, {
    key: SYNC_OPTIONS_KEY,
    noun: 'sync option',
    shortKey: 'sync-options',
    known: ALL_OPTIONS,
    noMatchHint: ` (options are case-sensitive, e.g. \`Prune=false\`, \`Replace=true\`).`,
  });
}

function checkApplicationSpec(rule: Rule, object: K8sObject, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const item of applicationSyncOptionItems(object, context)) {
    if (syncOptionInfo(item.text)) continue;
    const trimmed = item.text.trim();
    const where = `spec.syncPolicy.syncOptions of ${label(object)}`;
    if (trimmed !== item.text && syncOptionInfo(trimmed)) {
      const message = `Argo CD ignores ${JSON.stringify(item.text)}: sync options are never trimmed, so the spaces match nothing.`;
      const detail = `Argo CD ignores ${JSON.stringify(item.text)} in ${where}: items there are compared exactly and never trimmed, so the spaces make it match nothing. Write \`${trimmed}\`.`;
      findings.push(finding(rule, item.location, message, { detail, fixes: [fix(`Remove the spaces`, [replaceItemEdit(context, item, trimmed)], true)] }));
      continue;
    }
    const guess = closestMatch(trimmed, APP_OPTIONS);
    const message = `Argo CD ignores sync option \`${item.text}\`${guess ? `; did you mean \`${guess}\`?` : ': it matches no option exactly.'}`;
    const detail = `Argo CD ignores \`${item.text}\` in ${where}: it matches no sync option exactly${guess ? `; did you mean \`${guess}\`?` : '.'}`;
    findings.push(finding(rule, item.location, message, { detail, fixes: [guess ? fix(`Change to ${guess}`, [replaceItemEdit(context, item, guess)], true) : undefined] }));
  }
  return findings;
}
