// annotation/in-labels: Argo CD reads its sync and hook settings from metadata.annotations only; written under
// metadata.labels they do nothing (semantics mistake 4; seen in alphagov/govuk-helm-charts PR #77).

import { ARGOCD_PREFIX, findCatalogueEntryOfKind } from '../catalogue';
import { HOOK, SYNC_WAVE } from '../catalogue/keys';
import type { K8sObject } from '../model/k8sObject';
import type { Finding } from '../types';
import { finding } from './support/findings';
import { isJudgeable } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';
import { moveLabelToAnnotationsFix } from './support/mechanicalFixes';

export const annotationInLabels: Rule = {
  code: 'annotation/in-labels',
  severity: 'warning',
  title: 'An Argo CD annotation key written under metadata.labels: Argo CD never reads it there.',
  checkObject(object, context) {
    const findings: Finding[] = [];
    for (const entry of object.labels.values()) {
      if (!entry.key.startsWith(ARGOCD_PREFIX) || findCatalogueEntryOfKind(entry.key, 'label')) continue;
      if (!findCatalogueEntryOfKind(entry.key, 'annotation') || !isJudgeable(context, entry)) continue;
      const message = `Argo CD reads \`${entry.key}\` only as an annotation; as a label it does nothing.`;
      const detail =
        `Argo CD reads \`${entry.key}\` only from metadata.annotations; as a label on ${label(object)} it does nothing` +
        `${consequence(object, entry.key)} Move it under metadata.annotations.`;
      findings.push(finding(this, entry.keyLocation, message, { detail, fixes: [moveLabelToAnnotationsFix(context, object, entry)] }));
    }
    return findings;
  },
};

function consequence(object: K8sObject, key: string): string {
  if (key === HOOK && !object.annotations.has(HOOK)) return `, so ${label(object)} is synced as an ordinary resource, not as a hook.`;
  if (key === SYNC_WAVE && !object.annotations.has(SYNC_WAVE)) return `, so ${label(object)} stays in its default wave.`;
  return '.';
}
