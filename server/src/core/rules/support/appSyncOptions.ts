// The items of an Application's spec.syncPolicy.syncOptions, with where each is written.

import { isScalar, isSeq } from 'yaml';
import { isApplication, type K8sObject } from '../../model/k8sObject';
import { nodeSpan } from '../../model/readObjects';
import type { SourceLocation, TextEdit } from '../../types';
import type { RuleContext } from '../ruleTypes';
import { nodeAt } from './podSpecs';
import { deleteLinesEdit, isTemplatedAt, replaceValueEdit } from './sourceText';

export interface AppSyncOptionItem {
  text: string;
  location: SourceLocation;
}

export function applicationSyncOptionItems(object: K8sObject, context: RuleContext): AppSyncOptionItem[] {
  if (!isApplication(object)) return [];
  const seq = nodeAt(object.source.node, ['spec', 'syncPolicy', 'syncOptions']);
  if (!isSeq(seq)) return [];
  const items: AppSyncOptionItem[] = [];
  for (const node of seq.items) {
    if (!isScalar(node) || typeof node.value !== 'string') continue;
    const location = { file: object.source.file, span: nodeSpan(node) };
    if (!isTemplatedAt(context, location)) items.push({ text: node.value, location });
  }
  return items;
}

export function replaceItemEdit(context: RuleContext, item: AppSyncOptionItem, newValue: string): TextEdit | undefined {
  return replaceValueEdit(context, { valueLocation: item.location, text: item.text }, newValue);
}

/** Deletes the `- item` line of a block sequence. */
export function removeItemEdit(context: RuleContext, item: AppSyncOptionItem): TextEdit | undefined {
  return deleteLinesEdit(context, item.location, item.location, /^\s*-\s*$/);
}
