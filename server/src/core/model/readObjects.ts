// Turns parsed YAML documents into K8sObjects with the source range of every annotation and label.

import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ParsedFile } from '../parse/parseYamlFile';
import { overlapsAny } from '../parse/templateMask';
import type { Span } from '../types';
import { splitApiVersion, type K8sObject, type MetadataMap } from './k8sObject';

/** Kinds that describe how to build manifests rather than being manifests. */
const NON_RESOURCE_GROUPS = new Set(['kustomize.config.k8s.io']);

export function readObjects(file: ParsedFile): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const { node, id, docIndex } of objectNodes(file)) {
    const object = objectFromNode(file, node, id, docIndex);
    if (object) objects.push(object);
  }
  return objects;
}

/** The map of every object the file may hold, with the id and document number readObjects gives its object. */
export function objectNodes(file: ParsedFile): { node: YAMLMap; id: string; docIndex: number }[] {
  const found: { node: YAMLMap; id: string; docIndex: number }[] = [];
  for (const parsed of file.documents) {
    const root = parsed.doc.contents;
    if (!isMap(root)) continue;
    const kind = scalarString(root.get('kind', true));
    const items = root.get('items', true);
    if (kind !== undefined && kind.endsWith('List') && isSeq(items)) {
      // `kind: List` (and typed lists such as ConfigMapList): each item is an object of its own.
      items.items.forEach((item, itemIndex) => {
        if (isMap(item)) found.push({ node: item as YAMLMap, id: `${file.path}#${parsed.index}.${itemIndex}`, docIndex: parsed.index });
      });
      continue;
    }
    found.push({ node: root as YAMLMap, id: `${file.path}#${parsed.index}`, docIndex: parsed.index });
  }
  return found;
}

export function objectFromNode(file: ParsedFile, node: YAMLMap, id: string, docIndex: number): K8sObject | undefined {
  const apiVersion = scalarString(node.get('apiVersion', true));
  const kindNode = node.get('kind', true);
  const kind = scalarString(kindNode);
  if (!apiVersion || !kind) return undefined;
  const { group } = splitApiVersion(apiVersion);
  if (NON_RESOURCE_GROUPS.has(group)) return undefined;
  const metadata = node.get('metadata', true);
  const meta = isMap(metadata) ? metadata : undefined;
  const nameNode = meta?.get('name', true);
  const span = nodeSpan(node);
  const templated = file.templated && overlapsAny(span, file.templateSpans);
  let body: Record<string, unknown> = {};
  try {
    body = (node.toJSON() ?? {}) as Record<string, unknown>;
  } catch {
    body = {};
  }
  return {
    id,
    apiVersion,
    group,
    kind,
    name: writtenString(file, nameNode) ?? '',
    generateName: writtenString(file, meta?.get('generateName', true)),
    namespace: writtenString(file, meta?.get('namespace', true)),
    annotations: readMetadataMap(file, meta?.get('annotations', true)),
    labels: readMetadataMap(file, meta?.get('labels', true)),
    body,
    source: {
      file: file.path,
      docIndex,
      span,
      anchor: nodeSpan(nameNode ?? kindNode ?? node),
      node,
      templated,
    },
  };
}

export function readMetadataMap(file: ParsedFile, node: unknown): MetadataMap {
  const map: MetadataMap = new Map();
  if (!isMap(node)) return map;
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const value = isScalar(pair.value) ? pair.value.value : pair.value === null ? null : pair.value;
    const keySpan = nodeSpan(pair.key as Node);
    const valueSpan = pair.value ? nodeSpan(pair.value as Node) : { start: keySpan.end, end: keySpan.end };
    const templated = file.templated && (overlapsAny(valueSpan, file.templateSpans) || overlapsAny(keySpan, file.templateSpans));
    const shown = templated && typeof value === 'string' ? file.text.slice(valueSpan.start, valueSpan.end) : value;
    map.set(key, {
      key,
      // A map or list keeps its JSON value, so annotation/not-string can report it (Argo CD cannot decode it).
      value: isScalar(pair.value) || pair.value === null ? shown : collectionValue(pair.value),
      text: typeof value === 'string' ? (shown as string) : undefined,
      keyLocation: { file: file.path, span: keySpan },
      valueLocation: { file: file.path, span: valueSpan },
      templated,
    });
  }
  return map;
}

/** A map or list as plain data; an alias (resolved elsewhere) or anything unreadable as an empty map. */
function collectionValue(node: unknown): unknown {
  if (!isMap(node) && !isSeq(node)) return {};
  try {
    return (node as Node).toJSON();
  } catch {
    return {};
  }
}

/** A scalar's string as written: for a Helm-templated value the original `{{ ... }}` text, not the parse filler. */
function writtenString(file: ParsedFile, node: unknown): string | undefined {
  const value = scalarString(node);
  if (value === undefined || !file.templated) return value;
  const span = nodeSpan(node);
  return overlapsAny(span, file.templateSpans) ? file.text.slice(span.start, span.end).replace(/^["']|["']$/g, '') : value;
}

export function nodeSpan(node: unknown): Span {
  const range = (node as Node | undefined)?.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === 'string' ? value : value === null || value === undefined ? undefined : String(value);
}
