// Builds the K8sObject of a generated Application. Its YAML node is the ApplicationSet's template, so a
// finding on a field of the Application points at the template line that produced it.

import type { Node } from 'yaml';
import type { K8sObject, MetadataMap } from '../model/k8sObject';
import { nodeSpan } from '../model/readObjects';
import { nodeAt } from '../rules/support/podSpecs';
import type { SourceLocation } from '../types';
import { asRecord } from './generatorTypes';
import type { FieldPath } from './templateRender';

export interface TemplateSite {
  /** The ApplicationSet as read (unmasked), whose node holds `spec.template`. */
  appset: K8sObject;
  /** Path of the generator-level template, when the generator has one. */
  generatorTemplate?: FieldPath;
}

/** The written node for a template field: the generator's template first, then `spec.template`, else the nearest ancestor. */
export function templateNode(site: TemplateSite, path: FieldPath): Node | undefined {
  const roots: FieldPath[] = [...(site.generatorTemplate ? [site.generatorTemplate] : []), ['spec', 'template']];
  for (const root of roots) {
    const node = nodeAt(site.appset.source.node, [...root, ...path]);
    if (node) return node;
  }
  for (let n = path.length - 1; n >= 0; n--) {
    const node = nodeAt(site.appset.source.node, ['spec', 'template', ...path.slice(0, n)]);
    if (node) return node;
  }
  return undefined;
}

export function templateLocation(site: TemplateSite, path: FieldPath): SourceLocation {
  const node = templateNode(site, path);
  return { file: site.appset.source.file, span: node ? nodeSpan(node) : site.appset.source.anchor };
}

export function generatedApplication(site: TemplateSite, body: Record<string, unknown>, index: number): K8sObject {
  const metadata = asRecord(body.metadata) ?? {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const { appset } = site;
  const template = templateNode(site, []);
  const anchorNode = templateNode(site, ['metadata', 'name']);
  return {
    id: `${appset.id}/generated/${index}:${name}`,
    apiVersion: typeof body.apiVersion === 'string' ? body.apiVersion : 'argoproj.io/v1alpha1',
    group: 'argoproj.io',
    kind: 'Application',
    name,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    annotations: metadataMap(site, metadata.annotations, 'annotations'),
    labels: metadataMap(site, metadata.labels, 'labels'),
    body,
    source: {
      file: appset.source.file,
      docIndex: appset.source.docIndex,
      span: template ? nodeSpan(template) : appset.source.span,
      anchor: anchorNode ? nodeSpan(anchorNode) : appset.source.anchor,
      node: nodeAt(appset.source.node, ['spec', 'template']),
      generatedBy: { file: appset.source.file, span: appset.source.anchor },
    },
  };
}

/** Rendered labels or annotations; each entry located at the template entry that wrote it. */
function metadataMap(site: TemplateSite, value: unknown, field: 'labels' | 'annotations'): MetadataMap {
  const map: MetadataMap = new Map();
  const written = asRecord(nodeAt(site.appset.source.node, ['spec', 'template', 'metadata', field])?.toJSON()) ?? {};
  const writtenKeys = Object.keys(written);
  for (const [key, entry] of Object.entries(asRecord(value) ?? {})) {
    // A templated key (`{{x}}-owner`) is found by its position among the written keys.
    const writtenKey = key in written ? key : writtenKeys[Object.keys(asRecord(value) ?? {}).indexOf(key)] ?? key;
    const keyNode = templateKeyNode(site, field, writtenKey);
    const valueLocation = templateLocation(site, ['metadata', field, writtenKey]);
    map.set(key, {
      key,
      value: entry,
      text: typeof entry === 'string' ? entry : undefined,
      keyLocation: keyNode ? { file: site.appset.source.file, span: nodeSpan(keyNode) } : valueLocation,
      valueLocation,
    });
  }
  return map;
}

function templateKeyNode(site: TemplateSite, field: string, key: string): Node | undefined {
  const parent = nodeAt(site.appset.source.node, ['spec', 'template', 'metadata', field]) as { items?: { key: Node; value: unknown }[] } | undefined;
  const pair = parent?.items?.find((p) => (p.key as { value?: unknown })?.value === key);
  return pair?.key;
}
