// What the YAML AST says about the object a cursor is in: its kind, existing annotations and sync options.

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { splitApiVersion } from '../core/model/k8sObject';
import { scalarString } from '../core/model/readObjects';
import type { ParsedDocument, ParsedFile } from '../core/parse/parseYamlFile';
import type { Span } from '../core/types';

export interface DocumentObject {
  docIndex: number;
  group: string;
  kind: string;
  name: string;
  annotationKeys: Set<string>;
  /** Items of `spec.syncPolicy.syncOptions`, for Applications. */
  syncOptions: string[];
}

/** The object written in the YAML document that overlaps `span` most (the cursor's document). */
export function objectInDocument(file: ParsedFile, span: Span): DocumentObject | undefined {
  const parsed = documentOverlapping(file, span);
  if (!parsed) return undefined;
  const root = parsed.doc.contents;
  const text = file.text.slice(span.start, span.end);
  const apiVersion = (isMap(root) ? scalarString(root.get('apiVersion', true)) : undefined) ?? topLevelValue(text, 'apiVersion') ?? '';
  const kind = (isMap(root) ? scalarString(root.get('kind', true)) : undefined) ?? topLevelValue(text, 'kind');
  if (!kind) return undefined;
  const annotations = parsed.doc.getIn(['metadata', 'annotations'], true) as Node | undefined;
  const syncOptions = parsed.doc.getIn(['spec', 'syncPolicy', 'syncOptions'], true) as Node | undefined;
  return {
    docIndex: parsed.index,
    group: splitApiVersion(apiVersion).group,
    kind,
    name: scalarString(parsed.doc.getIn(['metadata', 'name'], true)) ?? '',
    annotationKeys: new Set(isMap(annotations) ? annotations.items.map((p) => scalarString(p.key)).filter((k): k is string => !!k) : []),
    syncOptions: isSeq(syncOptions) ? syncOptions.items.filter(isScalar).map((s) => String(s.value)) : [],
  };
}

function documentOverlapping(file: ParsedFile, span: Span): ParsedDocument | undefined {
  let best: ParsedDocument | undefined;
  let bestOverlap = -1;
  for (const doc of file.documents) {
    const overlap = Math.min(doc.span.end, span.end) - Math.max(doc.span.start, span.start);
    if (overlap > bestOverlap) {
      best = doc;
      bestOverlap = overlap;
    }
  }
  return bestOverlap >= 0 ? best : undefined;
}

/** A top-level `key: value` read from text, for documents the parser could not make sense of. */
function topLevelValue(text: string, key: string): string | undefined {
  const match = new RegExp(`^${key}:[ \\t]*["']?([^"'\\s#]+)`, 'm').exec(text);
  return match?.[1];
}
