// Kargo expressions `${{ ... }}` look like Helm actions, so the parser masks them with filler. This rebuilds
// an object's body from its YAML node with each masked string taken back from the file text.

import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import type { K8sObject } from '../model/k8sObject';

export type TextOf = (file: string) => string | undefined;

export function writtenBody(object: K8sObject, textOf: TextOf): Record<string, unknown> {
  const node = object.source.node;
  const text = textOf(object.source.file);
  if (!node || text === undefined || !text.includes('{{')) return object.body;
  const value = rebuild(node, text);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : object.body;
}

function rebuild(node: unknown, text: string): unknown {
  if (isMap(node)) {
    const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined) result[key] = rebuild(pair.value, text);
    }
    return result;
  }
  if (isSeq(node)) return node.items.map((item) => rebuild(item, text));
  if (isScalar(node)) return restoreScalar(node, text);
  return null;
}

/** A one-line string scalar's text as written; multi-line or escaped scalars keep the parsed value. */
function restoreScalar(node: Scalar, text: string): unknown {
  const value = node.value;
  const range = (node as Node).range;
  if (typeof value !== 'string' || !range || !value.includes('_')) return value;
  let written = text.slice(range[0], range[1]);
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) written = written.slice(1, -1);
  else if (node.type !== Scalar.PLAIN) return value;
  return written.length === value.length && !written.includes('\n') ? written : value;
}
