// annotation/unknown-key: Argo CD only reads the argocd.argoproj.io/ annotations it defines; any other key under
// that prefix (for example `depends-on`) has no effect (semantics section 2; the keys come from the catalogue).

import { ANNOTATION_CATALOGUE, ARGOCD_PREFIX, closestMatch, findCatalogueEntryOfKind } from '../catalogue';
import type { Finding } from '../types';
import { finding, fix } from './support/findings';
import { isJudgeable } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

const KNOWN_ARGOCD_ANNOTATIONS = ANNOTATION_CATALOGUE.filter((e) => e.kind === 'annotation' && !e.keyIsPrefix && e.key.startsWith(ARGOCD_PREFIX)).map((e) => e.key);

export const annotationUnknownKey: Rule = {
  code: 'annotation/unknown-key',
  severity: 'warning',
  title: 'An argocd.argoproj.io/ annotation Argo CD does not read: it has no effect.',
  checkObject(object, context) {
    const findings: Finding[] = [];
    for (const entry of object.annotations.values()) {
      if (!entry.key.startsWith(ARGOCD_PREFIX) || findCatalogueEntryOfKind(entry.key, 'annotation') || !isJudgeable(context, entry)) continue;
      const name = label(object);
      if (findCatalogueEntryOfKind(entry.key, 'label')) {
        const message = `Argo CD reads \`${entry.key}\` only as a label; as an annotation it has no effect.`;
        const detail = `Argo CD reads \`${entry.key}\` as a label, not as an annotation; on ${name} this annotation has no effect. Move it to metadata.labels.`;
        findings.push(finding(this, entry.keyLocation, message, { detail }));
        continue;
      }
      const suffix = entry.key.slice(ARGOCD_PREFIX.length);
      const guessSuffix = closestMatch(suffix, KNOWN_ARGOCD_ANNOTATIONS.map((k) => k.slice(ARGOCD_PREFIX.length)));
      const guess = guessSuffix === undefined ? undefined : `${ARGOCD_PREFIX}${guessSuffix}`;
      const message = `Argo CD does not read \`${entry.key}\`${guess ? `; did you mean \`${guess}\`?` : ', so it has no effect.'}`;
      const detail =
        `Argo CD does not read annotation \`${entry.key}\`, so it has no effect on ${name}` +
        (guess ? `; did you mean \`${guess}\`?` : /depend|after|before|order|wait/i.test(suffix) ? '. Argo CD has no dependency annotation: order objects with sync waves and hooks.' : '.');
      const rename = guess && !entry.addedBy ? { file: entry.keyLocation.file, span: entry.keyLocation.span, newText: guess } : undefined;
      findings.push(finding(this, entry.keyLocation, message, { detail, fixes: [guess ? fix(`Rename to ${guess}`, [rename], true) : undefined] }));
    }
    return findings;
  },
};
