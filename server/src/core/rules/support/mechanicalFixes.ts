// Quick fixes whose edit is mechanical: moving an Argo CD key from labels to annotations, and the two ways to
// stop a plain Job from failing the sync as immutable.

import { isMap, isPair, isScalar, type Pair } from 'yaml';
import { HOOK, HOOK_DELETE_POLICY, SYNC_OPTIONS } from '../../catalogue/keys';
import type { K8sObject, MetadataEntry } from '../../model/k8sObject';
import { parseCsv } from '../../plan/valueParsing';
import type { Fix, TextEdit } from '../../types';
import type { RuleContext } from '../ruleTypes';
import { addAnnotationsEdit } from './annotationEdits';
import { fix } from './findings';
import { deleteLinesEdit, isPlainSafe, removeEntryEdit, rewriteCsvEdit } from './sourceText';

/** Edits are only offered on objects written as they are applied: not rendered by Kustomize or a template. */
function editable(object: K8sObject): boolean {
  return !object.source.generatedBy && !object.source.templated;
}

function annotationLine(key: string, value: string): string {
  return `${key}: ${isPlainSafe(value) ? value : JSON.stringify(value)}`;
}

/** Moves a label to metadata.annotations (dropping `labels:` when it was the only one). */
export function moveLabelToAnnotationsFix(context: RuleContext, object: K8sObject, entry: MetadataEntry): Fix | undefined {
  const text = context.textOf(object.source.file);
  if (!editable(object) || entry.addedBy || text === undefined) return undefined;
  const remove = onlyLabel(context, object, entry) ?? removeEntryEdit(context, entry);
  if (object.annotations.has(entry.key)) return fix(`Remove the label (the annotation ${entry.key} is already set)`, [remove], true);
  const value = entry.text ?? String(entry.value ?? '');
  const add = addAnnotationsEdit(text, object, [annotationLine(entry.key, value)]);
  return fix(`Move ${entry.key} to metadata.annotations, where Argo CD reads it`, [remove, add], true);
}

/** Deletes the whole `labels:` block when `entry` is its only label. */
function onlyLabel(context: RuleContext, object: K8sObject, entry: MetadataEntry): TextEdit | undefined {
  const root = object.source.node;
  const metadata = isMap(root) ? root.get('metadata', true) : undefined;
  const labels = isMap(metadata) ? metadata.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && p.key.value === 'labels') : undefined;
  if (!labels || !isMap(labels.value) || labels.value.flow || labels.value.items.length !== 1) return undefined;
  const keyRange = (labels.key as { range?: [number, number, number] }).range;
  if (!keyRange) return undefined;
  return deleteLinesEdit(context, { file: object.source.file, span: { start: keyRange[0], end: keyRange[1] } }, entry.valueLocation);
}

/** The two fixes for job/immutable-sync-job: a Sync hook recreated on every sync (preferred), or Replace and Force. */
export function immutableJobFixes(context: RuleContext, object: K8sObject): (Fix | undefined)[] {
  const text = context.textOf(object.source.file);
  if (!editable(object) || text === undefined) return [];
  const hookEntries = [annotationLine(HOOK, 'Sync')];
  if (!object.annotations.has(HOOK_DELETE_POLICY)) hookEntries.push(annotationLine(HOOK_DELETE_POLICY, 'BeforeHookCreation'));
  const asHook = fix('Make it a Sync hook: Argo CD deletes and recreates the Job on every sync (BeforeHookCreation)', [
    addAnnotationsEdit(text, object, hookEntries),
  ], true);
  const options = object.annotations.get(SYNC_OPTIONS);
  const items = parseCsv(options?.text ?? '').filter((item) => !/^(Replace|Force)=/.test(item));
  const wanted = ['Replace=true', 'Force=true'];
  const replaceEdit = options ? rewriteCsvEdit(context, options, [...items, ...wanted]) : addAnnotationsEdit(text, object, [annotationLine(SYNC_OPTIONS, wanted.join(','))]);
  const replace = fix('Add Replace=true,Force=true: Argo CD deletes and recreates the Job when its template changes', [replaceEdit]);
  return [asHook, replace];
}
