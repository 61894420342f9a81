// annotation/not-string: Kubernetes annotation values are strings. Since Argo CD v2.8.0 (PR #13743) the repo
// server fails manifest generation for the whole application when it meets any other type
// (semantics 1.8; controller util/kube/kube.go SetAppInstanceAnnotation).

import type { K8sObject, MetadataEntry } from '../model/k8sObject';
import type { Finding } from '../types';
import { finding, fix } from './support/findings';
import { isJudgeable } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

/** A Kubernetes annotation key; anything else (e.g. a `<PLACEHOLDER>` line a generator replaces) is not an annotation yet. */
const QUALIFIED_KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

export const annotationNotString: Rule = {
  code: 'annotation/not-string',
  severity: 'error',
  title: 'An annotation value that YAML reads as a number, boolean or null: Argo CD 2.8+ fails the whole application.',
  checkObject(object, context) {
    const findings: Finding[] = [];
    for (const entry of object.annotations.values()) {
      // Values Kustomize added are reported by the renderer (kustomize/non-string-value).
      if (entry.addedBy || !isJudgeable(context, entry) || !QUALIFIED_KEY.test(entry.key)) continue;
      const raw = context.textAt(entry.valueLocation);
      const type = nonStringType(entry, raw);
      if (!type) continue;
      findings.push(
        finding(this, entry.valueLocation, `YAML reads this value as ${type}, not a string: Argo CD (v2.8+) fails to generate the app.`, {
          detail: message(object, entry, type, raw),
          fixes: [raw === undefined || type === 'a mapping or list' ? undefined : fix(`Quote the value of ${entry.key}`, [quoteEdit(entry, raw)], true)],
        }),
      );
    }
    return findings;
  },
};

/** How Kubernetes (go-yaml v2 behind sigs.k8s.io/yaml) types the value, when it is not a string. */
function nonStringType(entry: MetadataEntry, raw: string | undefined): string | undefined {
  const value = entry.value;
  if (typeof value === 'string' || value instanceof Date) return undefined; // go-yaml v2 keeps timestamps as strings
  if (typeof value === 'number' || typeof value === 'bigint') {
    // YAML 1.1 sexagesimal numbers (1:30) are strings for go-yaml.
    return raw !== undefined && raw.includes(':') ? undefined : 'a number';
  }
  if (typeof value === 'boolean') return 'a boolean';
  if (value === null || value === undefined) return 'null';
  return 'a mapping or list';
}

function message(object: K8sObject, entry: MetadataEntry, type: string, raw: string | undefined): string {
  const shown = raw === undefined || raw.trim() === '' ? '' : ` \`${raw.trim()}\``;
  return (
    `Argo CD (v2.8+) fails to generate manifests for the whole application: annotation \`${entry.key}\` on ${label(object)} ` +
    `has the value${shown}, which YAML reads as ${type}, not a string. Quote it.`
  );
}

function quoteEdit(entry: MetadataEntry, raw: string) {
  const trimmed = raw.trim();
  const literal = trimmed === '~' || trimmed === 'null' || trimmed === 'Null' || trimmed === 'NULL' ? '' : trimmed;
  // An empty value sits right after the colon, so the quotes need a separating space.
  const newText = raw === '' ? ` ""` : JSON.stringify(literal);
  return { file: entry.valueLocation.file, span: entry.valueLocation.span, newText };
}

