// What a rule may assume about objects written in Helm templates, whose `{{ }}` parts are unknown.

import { isMap } from 'yaml';
import { displayName, type K8sObject } from '../../model/k8sObject';
import { nodeSpan } from '../../model/readObjects';
import type { RuleContext } from '../ruleTypes';

/**
 * True when every annotation the object will have is written literally: no template action in its metadata
 * except inside the name, namespace and labels (which do not change how Argo CD treats the object).
 */
export function annotationsKnown(object: K8sObject, context: RuleContext): boolean {
  if (!object.source.templated || object.source.rendered) return true;
  const root = object.source.node;
  const metadata = isMap(root) ? root.get('metadata', true) : undefined;
  const text = context.textOf(object.source.file);
  if (!isMap(metadata) || text === undefined) return false;
  const span = nodeSpan(metadata);
  let written = text.slice(span.start, span.end);
  const skipped = ['name', 'namespace', 'generateName', 'labels']
    .map((key) => metadata.get(key, true))
    .filter((node) => node !== undefined)
    .map((node) => nodeSpan(node))
    .sort((a, b) => b.start - a.start);
  for (const s of skipped) written = written.slice(0, s.start - span.start) + written.slice(s.end - span.start);
  return !written.includes('{{');
}

/** `Job migrate`; names written with template actions are shown as written. */
export function label(object: K8sObject): string {
  return displayName(object);
}

/** Per rule run: whether each file's text holds `{{`. Scanning once per file, not per object, keeps big files linear. */

/** True when the object's file holds template actions, so conditionals may leave any object out. */
export function inTemplatedFile(object: K8sObject, context: RuleContext): boolean {
  if (object.source.rendered) return false;
  return context.fileHasTemplates(object.source.file) ?? object.source.templated === true;
}
