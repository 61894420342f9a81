// Fingerprints of rendered objects: two renders with equal fingerprints produced objects that every later
// stage (plan, rules, report) sees as the same, so the earlier objects can stand for the new ones.

import type { K8sObject, MetadataEntry } from '../model/k8sObject';
import { movedFrom } from '../model/movedObjects';
import { digest } from './digest';

/** Two parts per object, its content and its places; fingerprints are equal when their parts are (sameFingerprint). */
export type Fingerprint = readonly string[];

/**
 * Everything of the objects but their YAML nodes: identity, place, metadata with its locations, body. Each part is
 * the object's content (written once per object, and shared with the object it was moved from) and its places.
 */
export function fingerprintObjects(objects: readonly K8sObject[]): Fingerprint | undefined {
  try {
    // Not joined: an unchanged object's content is the same string as last time, compared without reading it.
    return objects.flatMap((o) => [contentOf(o), JSON.stringify(placesOf(o))]);
  } catch {
    // Not serialisable (a self-referencing alias): never considered the same.
    return undefined;
  }
}

/**
 * True when the two lists' fingerprints surely differ, found without writing them: another length, or an object
 * that is the one at the same place before, moved by an edit above it (its places differ). False says nothing.
 */
export function placesSurelyDiffer(before: readonly K8sObject[], after: readonly K8sObject[]): boolean {
  if (before.length !== after.length) return true;
  for (let i = 0; i < after.length; i++) {
    const move = movedFrom(after[i]);
    if (move && move.delta !== 0 && move.from === before[i]) return true;
  }
  return false;
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

/** What the object says, without where it says it. */
function contentOf(object: K8sObject): string {
  let content = contents.get(object);
  if (content !== undefined) return content;
  const move = movedFrom(object);
  content = (move && contents.get(move.from)) ?? digest(writeContent(object));
  contents.set(object, content);
  return content;
}

/** Each object's content as a digest of its JSON: kept as long as the object, so kept small. */
const contents = new WeakMap<K8sObject, string>();

function writeContent(o: K8sObject): string {
  const { file, templated, generatedBy, rendered } = o.source;
  const entry = ({ keyLocation: _k, valueLocation: _v, ...rest }: MetadataEntry) => rest;
  return JSON.stringify([o.apiVersion, o.group, o.kind, o.name, o.generateName, o.namespace, file, templated, generatedBy, rendered, [...o.annotations.values()].map(entry), [...o.labels.values()].map(entry), o.body]);
}

function placesOf(o: K8sObject): unknown[] {
  const at = (e: MetadataEntry) => [e.keyLocation, e.valueLocation];
  return [o.id, o.source.docIndex, o.source.span, o.source.anchor, [...o.annotations.values()].map(at), [...o.labels.values()].map(at)];
}
