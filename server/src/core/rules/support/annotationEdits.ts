// Inserts annotations into an object's metadata.annotations, creating `annotations:` when absent.
// Used by quick fixes and the "Add sync-wave" source action.

import { isMap, isPair, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { K8sObject } from '../../model/k8sObject';
import type { TextEdit } from '../../types';

/**
 * The edit that adds `entries` (each a `key: value` line as it should be written) to the object's annotations,
 * or undefined when its metadata is not a non-empty map written in block style.
 */
export function addAnnotationsEdit(text: string, object: K8sObject, entries: string[]): TextEdit | undefined {
  const node = object.source.node;
  if (!isMap(node) || node.flow) return undefined;
  const metadataPair = pairOf(node, 'metadata');
  const metadata = metadataPair?.value;
  if (!metadataPair || !isMap(metadata) || metadata.flow || metadata.items.length === 0) return undefined;
  const file = object.source.file;
  const childColumn = columnOf(text, keyStart(metadata.items[0]));
  const step = Math.max(2, childColumn - columnOf(text, keyStart(metadataPair)));
  const annotationsPair = pairOf(metadata, 'annotations');
  const annotations = annotationsPair?.value;
  if (isMap(annotations) && annotations.flow) {
    const range = annotations.range ?? [0, 0, 0];
    const close = text.lastIndexOf('}', range[1]);
    if (close < 0) return undefined;
    const separator = annotations.items.length > 0 ? ', ' : '';
    return { file, span: { start: close, end: close }, newText: `${separator}${entries.join(', ')}` };
  }
  if (isMap(annotations) && annotations.items.length > 0) {
    const first = keyStart(annotations.items[0]);
    const lineStart = lineStartOf(text, first);
    return { file, span: { start: lineStart, end: lineStart }, newText: entries.map((entry) => `${' '.repeat(first - lineStart)}${entry}\n`).join('') };
  }
  if (annotationsPair && (annotations === null || annotations === undefined || (isScalar(annotations) && annotations.value === null))) {
    const lineEnd = lineEndOf(text, keyStart(annotationsPair));
    return { file, span: { start: lineEnd, end: lineEnd }, newText: entries.map((entry) => `\n${' '.repeat(childColumn + step)}${entry}`).join('') };
  }
  if (annotationsPair) return undefined;
  const block = `${' '.repeat(childColumn)}annotations:\n${entries.map((entry) => `${' '.repeat(childColumn + step)}${entry}\n`).join('')}`;
  const name = pairOf(metadata, 'name');
  const nameValue = name?.value;
  if (isScalar(nameValue) && nameValue.range && !text.slice(nameValue.range[0], nameValue.range[1]).includes('\n')) {
    const after = lineEndOf(text, nameValue.range[0]) + 1;
    if (after <= text.length && text[after - 1] === '\n') return { file, span: { start: after, end: after }, newText: block };
  }
  const lineStart = lineStartOf(text, keyStart(metadata.items[0]));
  return { file, span: { start: lineStart, end: lineStart }, newText: block };
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && p.key.value === key);
}

function keyStart(pair: unknown): number {
  const key = isPair(pair) ? pair.key : undefined;
  return (key as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return (end < 0 ? text.length : end) - (text[end - 1] === '\r' ? 1 : 0);
}

function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}
