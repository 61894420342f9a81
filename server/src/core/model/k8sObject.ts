// The resource model: what SyncPlan knows about one Kubernetes object and where each fact came from.

import type { Node } from 'yaml';
import type { SourceLocation, Span } from '../types';

/** One annotation or label: its key, its value as YAML read it, and where both are written. */
export interface MetadataEntry {
  key: string;
  /** The value as YAML typed it: a string, or a number, boolean or null when written unquoted. */
  value: unknown;
  /** The value when YAML reads it as a string; undefined otherwise. */
  text: string | undefined;
  keyLocation: SourceLocation;
  valueLocation: SourceLocation;
  /** True when the value comes from a Helm template action and cannot be known statically. */
  templated?: boolean;
  /** Set when a renderer (Kustomize) added or changed the entry; the location then points at the instruction. */
  addedBy?: string;
  /** True when the value is Helm's rendered output: known, although the template line holds `{{ }}`. */
  rendered?: boolean;
}

export type MetadataMap = Map<string, MetadataEntry>;

export interface K8sObject {
  /** Stable identity inside one analysis: file, document index and item index. */
  id: string;
  apiVersion: string;
  group: string;
  kind: string;
  /** `metadata.name`; empty when the object only has `generateName`. */
  name: string;
  generateName?: string;
  /** `metadata.namespace` as written (after rendering); undefined when absent. */
  namespace?: string;
  annotations: MetadataMap;
  labels: MetadataMap;
  /** Plain JavaScript copy of the whole (rendered) object. */
  body: Record<string, unknown>;
  source: ObjectSource;
}

export interface ObjectSource {
  file: string;
  docIndex: number;
  /** The whole document (or List item). */
  span: Span;
  /** Where to point at "this object": its kind or name value, else the document start. */
  anchor: Span;
  /** The YAML node of the object as written in its file, for rules that need ranges inside `spec`. */
  node?: Node;
  /** True when the object was written in a Helm template and parts of it are unknown. */
  templated?: boolean;
  /** Set when a renderer produced the object (for example a Kustomize generator). */
  generatedBy?: SourceLocation;
  /** True when SyncPlan rendered the object from a Helm template: its locations are template lines, its values known. */
  rendered?: boolean;
}

export function objectKey(obj: Pick<K8sObject, 'group' | 'kind' | 'namespace' | 'name'>): string {
  return `${obj.group}/${obj.kind}/${obj.namespace ?? ''}/${obj.name}`;
}

export function displayName(obj: Pick<K8sObject, 'kind' | 'name' | 'generateName'>): string {
  return `${obj.kind} ${obj.name || `${obj.generateName ?? ''}*`}`;
}

/** Splits `apiVersion` into group and version; the core group is "". */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function annotationText(obj: K8sObject, key: string): string | undefined {
  return obj.annotations.get(key)?.text;
}

export function isApplication(obj: Pick<K8sObject, 'group' | 'kind'>): boolean {
  return obj.group === 'argoproj.io' && obj.kind === 'Application';
}
