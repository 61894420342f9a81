// job/immutable-sync-job: a plain Job (not a hook) is applied like any resource; its pod template is immutable,
// so the first change to it fails the sync with "field is immutable" (semantics mistake 7; argo-cd issues #5882,
// #7430). Replace=true together with Force=true deletes and recreates it instead (v2.12+).

import { SYNC_OPTIONS } from '../catalogue/keys';
import { classifyObject } from '../plan/classifyObject';
import { parseCsv } from '../plan/valueParsing';
import { anchorOf, finding } from './support/findings';
import { isRecord } from './support/podSpecs';
import { isTemplatedAt } from './support/sourceText';
import type { Rule, RuleContext } from './ruleTypes';
import { isMap, type Node } from 'yaml';
import type { K8sObject } from '../model/k8sObject';
import { nodeSpan } from '../model/readObjects';
import { annotationsKnown, label } from './support/objectFacts';
import { immutableJobFixes } from './support/mechanicalFixes';

/** Helm `sha256sum | trunc` style hex suffixes, and Kustomize's 10-character content hash alphabet. */
const HASHED_NAME = [/-(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,64}$/, /-(?=[245-9bcdfghkmt]*\d)[245-9bcdfghkmt]{10}$/];

function nameIsLiteral(object: K8sObject, context: RuleContext): boolean {
  if (object.source.generatedBy || object.name.includes('{{')) return false;
  const root = object.source.node;
  const metadata = isMap(root) ? root.get('metadata', true) : undefined;
  const nameNode = isMap(metadata) ? metadata.get('name', true) : undefined;
  // A name rendered by Helm is the same on every sync for the same values, unless the template computes a
  // suffix from them (ibm-mas: `{{ $_job_name }}`, a prefix and an adler32sum of the Job's values).
  if (object.source.rendered) return !computedSuffix(object.name, context.textOf(object.source.file));
  if (!nameNode) return !object.source.templated;
  const written = context.textAt({ file: object.source.file, span: nodeSpan(nameNode as Node) });
  return written === undefined ? !object.source.templated : !written.includes('{{');
}

/** A last `-` part of six or more digits or hex letters (one a digit) that the template file does not spell out. */
function computedSuffix(name: string, template: string | undefined): boolean {
  const suffix = name.slice(name.lastIndexOf('-') + 1);
  return template !== undefined && /^(?=[0-9a-f]*\d)[0-9a-f]{6,64}$/.test(suffix) && !template.includes(suffix);
}

export const jobImmutableSyncJob: Rule = {
  code: 'job/immutable-sync-job',
  severity: 'warning',
  title: 'A plain Job synced as a normal resource: the next change to its template fails the sync as immutable.',
  checkObject(object, context) {
    if (object.group !== 'batch' || object.kind !== 'Job' || object.generateName || !object.name) return [];
    // A templated or content-hashed name changes with the Job, so it is recreated on purpose.
    if (!nameIsLiteral(object, context) || HASHED_NAME.some((re) => re.test(object.name))) return [];
    // With a TTL the finished Job is deleted and simply recreated on a later sync.
    if (isRecord(object.body.spec) && object.body.spec.ttlSecondsAfterFinished !== undefined) return [];
    if (classifyObject(object).kind !== 'resource' || !annotationsKnown(object, context)) return [];
    const options = object.annotations.get(SYNC_OPTIONS);
    if (options && (options.templated || (!options.rendered && isTemplatedAt(context, options.valueLocation)))) return [];
    const items = parseCsv(options?.text ?? '');
    if (items.includes('Replace=true') && items.includes('Force=true')) return [];
    const name = label(object);
    const message = 'Argo CD applies this Job over the finished one: a pod template change fails the sync as immutable.';
    const detail =
      `${name} is synced as an ordinary resource, so Argo CD applies it over the finished Job: the first change to its pod ` +
      `template fails the sync with "field is immutable" (and an unchanged Job never runs again). Make it a hook ` +
      `(argocd.argoproj.io/hook: Sync, or PreSync/PostSync), which is recreated on every sync, or add ` +
      `argocd.argoproj.io/sync-options: Replace=true,Force=true.`;
    return [finding(this, anchorOf(object), message, { detail, fixes: immutableJobFixes(context, object) })];
  },
};
