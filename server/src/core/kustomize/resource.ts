// The working copy of one object during a Kustomize render, and its conversion back to a K8sObject.

import { isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { K8sObject, MetadataEntry, MetadataMap } from '../model/k8sObject';
import type { SourceLocation } from '../types';
import { asRecord, idOfBody, type ResId } from './ids';
import { setOwn } from '../ownKeys';
import { valueText } from '../model/valueText';
import { cloneBody } from './buildCache';
import { restoreYaml12Strings } from './yaml12Scalars';

/** Who set a metadata entry, and the kustomization (or patch) line that did it. */
export interface Provenance {
  addedBy: string;
  location: SourceLocation;
}

export interface Resource {
  body: Record<string, unknown>;
  /** The object as read from its file (or as generated), for source locations and original entries. */
  origin: K8sObject;
  /** Identity when first loaded, as Kustomize's `OrgId`. */
  orgId: ResId;
  /** Identities before each rename, as Kustomize's `PrevIds`. */
  prevIds: ResId[];
  annotationOrigins: Map<string, Provenance>;
  labelOrigins: Map<string, Provenance>;
  /** Annotation and label values as first loaded, as Kustomize renders them. */
  written: { annotations: Record<string, string>; labels: Record<string, string> };
  /** Set for generated ConfigMaps/Secrets that get a content hash suffix at the end of the build. */
  needsHash?: boolean;
}

export function resourceFromObject(object: K8sObject): Resource {
  const body = cloneBody(object.body);
  if (object.source.node) restoreYaml12Strings(body, object.source.node);
  stringifyMetadataValues(body, object);
  const meta = asRecord(body.metadata);
  return {
    body,
    origin: object,
    orgId: idOfBody(body),
    prevIds: [],
    annotationOrigins: new Map(),
    labelOrigins: new Map(),
    written: { annotations: stringMap(meta?.annotations), labels: stringMap(meta?.labels) },
  };
}

/** Kustomize keeps annotation and label values as the text written (`1.0`, `yes`), always as strings. */
function stringifyMetadataValues(body: Record<string, unknown>, object: K8sObject): void {
  const meta = asRecord(body.metadata);
  const metaNode = isMap(object.source.node) ? (object.source.node as YAMLMap).get('metadata', true) : undefined;
  for (const field of ['annotations', 'labels'] as const) {
    const values = asRecord(meta?.[field]);
    if (!values) continue;
    const node = isMap(metaNode) ? metaNode.get(field, true) : undefined;
    let written: Map<string, string | undefined> | undefined;
    for (const [key, value] of Object.entries(values)) {
      if (typeof value === 'string') continue;
      written ??= sourceTexts(node);
      setOwn(values, key, value === null || value === undefined ? '' : written.get(key) ?? valueText(value));
    }
  }
}

/** Each key's scalar value as written, read in one pass (a lookup per key would be quadratic on big maps). */
function sourceTexts(mapNode: unknown): Map<string, string | undefined> {
  const texts = new Map<string, string | undefined>();
  if (!isMap(mapNode)) return texts;
  for (const pair of mapNode.items as Pair<unknown, unknown>[]) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    // The first pair with a key wins, as a lookup would find it.
    if (!texts.has(key)) texts.set(key, isScalar(pair.value) && typeof pair.value.source === 'string' ? pair.value.source : undefined);
  }
  return texts;
}

/**
 * Two `annotations:` blocks in one object: Kustomize merges them, an earlier block winning for a key in both
 * (checked with kubectl kustomize 5.5), where the parse kept the last block only.
 */
export function mergeEarlierAnnotations(resource: Resource, earlier: Record<string, string>): void {
  const meta = metadataOf(resource.body);
  const annotations = { ...(asRecord(meta.annotations) ?? {}) };
  for (const [key, value] of Object.entries(earlier)) {
    setOwn(annotations, key, value);
    setOwn(resource.written.annotations, key, value);
  }
  meta.annotations = annotations;
}

export function currentId(resource: Resource): ResId {
  return idOfBody(resource.body);
}

/** Records the current identity before a rename, like Kustomize's `StorePreviousId`. */
export function storePreviousId(resource: Resource): void {
  resource.prevIds.push(currentId(resource));
}

export function allIds(resource: Resource): ResId[] {
  return [resource.orgId, ...resource.prevIds, currentId(resource)];
}

export function metadataOf(body: Record<string, unknown>): Record<string, unknown> {
  let meta = asRecord(body.metadata);
  if (!meta) {
    meta = {};
    body.metadata = meta;
  }
  return meta;
}

export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(asRecord(value) ?? {})) setOwn(out, key, valueText(entry));
  return out;
}

export function setName(resource: Resource, name: string): void {
  metadataOf(resource.body).name = name;
}

/** Builds the final K8sObject: source points at the original file, changed metadata at the instruction that changed it. */
export function toK8sObject(resource: Resource): K8sObject {
  const body = resource.body;
  const id = idOfBody(body);
  const meta = asRecord(body.metadata) ?? {};
  // Kustomize clears an empty or null annotations map (kubectl kustomize writes none).
  if (Object.hasOwn(meta, 'annotations') && (meta.annotations === null || (asRecord(meta.annotations) && Object.keys(meta.annotations as object).length === 0))) delete meta.annotations;
  const origin = resource.origin;
  const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : origin.apiVersion;
  return {
    id: origin.id,
    apiVersion,
    group: id.group,
    kind: id.kind,
    name: id.name,
    generateName: typeof meta.generateName === 'string' ? meta.generateName : undefined,
    namespace: id.namespace || undefined,
    annotations: finalEntries(meta.annotations, resource.written.annotations, origin.annotations, resource.annotationOrigins, origin),
    labels: finalEntries(meta.labels, resource.written.labels, origin.labels, resource.labelOrigins, origin),
    body,
    source: origin.source,
  };
}

function finalEntries(
  values: unknown,
  writtenValues: Record<string, string>,
  original: MetadataMap,
  origins: Map<string, Provenance>,
  origin: K8sObject,
): MetadataMap {
  const out: MetadataMap = new Map();
  for (const [key, value] of Object.entries(stringMap(values))) {
    const provenance = origins.get(key);
    const written = original.get(key);
    if (!provenance && written && writtenValues[key] === value) {
      // Kustomize outputs every annotation and label value as a string, even one written unquoted (`5`, `true`).
      out.set(key, written.text === value && written.value === value ? written : { ...written, value, text: value });
      continue;
    }
    const location = provenance?.location ?? { file: origin.source.file, span: origin.source.anchor };
    const entry: MetadataEntry = {
      key,
      value,
      text: value,
      keyLocation: location,
      valueLocation: location,
      addedBy: provenance?.addedBy ?? 'kustomize',
    };
    out.set(key, entry);
  }
  return out;
}
