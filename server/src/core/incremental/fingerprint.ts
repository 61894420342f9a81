// Fingerprints of rendered objects: two renders with equal fingerprints produced objects that every later
// stage (plan, rules, report) sees as the same, so the earlier objects can stand for the new ones.

import type { K8sObject } from '../model/k8sObject';

/** Everything of the objects but their YAML nodes: identity, place, metadata with its locations, body. */
export function fingerprintObjects(objects: readonly K8sObject[]): string | undefined {
  try {
    return JSON.stringify(
      objects.map((o) => {
        const { node: _node, ...source } = o.source;
        return [o.id, o.apiVersion, o.group, o.kind, o.name, o.generateName, o.namespace, source, [...o.annotations.values()], [...o.labels.values()], o.body];
      }),
    );
  } catch {
    // Not serialisable (a self-referencing alias): never considered the same.
    return undefined;
  }
}
