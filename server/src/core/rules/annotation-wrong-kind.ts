// annotation/wrong-kind: some keys only mean something on one kind, e.g. refresh, skip-reconcile or
// manifest-generate-paths on an Application, application-set-refresh on an ApplicationSet
// (semantics 2.4-2.6; where each key applies is recorded in the catalogue's scope).

import { appliesToObject, findCatalogueEntryOfKind } from '../catalogue';
import type { CatalogueEntry, ObjectScope } from '../catalogue/types';
import type { Finding } from '../types';
import { finding } from './support/findings';
import { isJudgeable } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

const SCOPE_WORDS: Partial<Record<ObjectScope, string>> = {
  application: 'an Argo CD Application (argoproj.io)',
  applicationset: 'an ApplicationSet',
  'cluster-secret': 'a cluster Secret',
  'argocd-secret': 'an Argo CD cluster or repository Secret',
  namespace: 'a Namespace',
  pod: 'a Pod',
};

export const annotationWrongKind: Rule = {
  code: 'annotation/wrong-kind',
  severity: 'warning',
  title: 'An annotation that only works on another kind (e.g. an Application-only key on a Deployment): it has no effect.',
  checkObject(object, context) {
    const findings: Finding[] = [];
    for (const entry of object.annotations.values()) {
      // Only namespaced keys: a bare key such as `managed-by` is too common to be Argo CD's.
      if (!/(argoproj\.io|akuity\.io)\//.test(entry.key)) continue;
      const known = findCatalogueEntryOfKind(entry.key, 'annotation');
      if (!known || appliesToObject(known, object.group, object.kind) || !isJudgeable(context, entry)) continue;
      const message = `Argo CD reads \`${entry.key}\` only on ${shortScope(known)}: no effect here.`;
      const detail =
        `Argo CD reads \`${entry.key}\` only on ${whereItApplies(known)}; on ${label(object)} it has no effect.` +
        (known.scope === 'application' ? ' Put it on the Application that deploys this object.' : '');
      findings.push(finding(this, entry.keyLocation, message, { detail }));
    }
    return findings;
  },
};

/** The kinds an entry applies to without the API group notes, for one-sentence messages. */
function shortScope(entry: CatalogueEntry): string {
  return whereItApplies(entry).replace(/ \([^)]*\)/g, '');
}

function whereItApplies(entry: CatalogueEntry): string {
  const scopes = [entry.scope, ...(entry.extraScopes ?? [])];
  return scopes.map((s) => SCOPE_WORDS[s] ?? s).join(' or ');
}
