// Links from kustomization paths and Application source paths to the files they point at.

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { isApplication } from '../core/model/k8sObject';
import { findKustomizationFile, KUSTOMIZATION_FILENAMES } from '../core/kustomize';
import { nodeSpan } from '../core/model/readObjects';
import type { ParsedFile } from '../core/parse/parseYamlFile';
import { basenameOf, dirnameOf, isInside, joinPath, normalizePath } from '../core/paths';
import type { FileHost, Span } from '../core/types';
import type { K8sObject } from '../core/model/k8sObject';

export interface PathLink {
  span: Span;
  target: string;
}

const LIST_FIELDS = ['resources', 'components', 'bases', 'patchesStrategicMerge'];
const PATH_LIST_FIELDS = ['patches', 'patchesJson6902'];

export function documentLinks(file: ParsedFile, objects: readonly K8sObject[], host: FileHost, root: string): PathLink[] {
  const links = KUSTOMIZATION_FILENAMES.includes(basenameOf(file.path)) ? kustomizationLinks(file, host) : [];
  for (const object of objects) if (isApplication(object)) links.push(...applicationLinks(object, host, root));
  return links;
}

function kustomizationLinks(file: ParsedFile, host: FileHost): PathLink[] {
  const dir = dirnameOf(file.path);
  const scalars: Node[] = [];
  for (const { doc } of file.documents) {
    const root = doc.contents;
    if (!isMap(root)) continue;
    for (const field of LIST_FIELDS) {
      const list = root.get(field, true);
      if (isSeq(list)) scalars.push(...(list.items as Node[]).filter(isScalar));
    }
    for (const field of PATH_LIST_FIELDS) {
      const list = root.get(field, true);
      if (!isSeq(list)) continue;
      for (const item of list.items) if (isMap(item) && isScalar(item.get('path', true))) scalars.push(item.get('path', true) as Node);
    }
  }
  return scalars.flatMap((node) => {
    const target = isScalar(node) && typeof node.value === 'string' && !isRemote(node.value) ? linkTarget(host, normalizePath(joinPath(dir, node.value))) : undefined;
    return target ? [{ span: nodeSpan(node), target }] : [];
  });
}

/** `spec.source.path` and `spec.sources[].path` are relative to the repository root: try the workspace root and its parents. */
function applicationLinks(object: K8sObject, host: FileHost, root: string): PathLink[] {
  const node = object.source.node;
  if (!isMap(node)) return [];
  const pathNodes: unknown[] = [node.getIn(['spec', 'source', 'path'], true)];
  const sources = node.getIn(['spec', 'sources'], true);
  if (isSeq(sources)) for (const source of sources.items) if (isMap(source)) pathNodes.push(source.get('path', true));
  return pathNodes.flatMap((pathNode) => {
    if (!isScalar(pathNode) || typeof pathNode.value !== 'string' || pathNode.value.includes('{{') || isRemote(pathNode.value)) return [];
    for (let base = root; ; base = dirnameOf(base)) {
      const folder = normalizePath(joinPath(base, pathNode.value)).replace(/\/$/, '');
      const target = isInside(root, folder) ? linkTarget(host, folder) : undefined;
      if (target) return [{ span: nodeSpan(pathNode), target }];
      if (dirnameOf(base) === base) return [];
    }
  });
}

/** A file links to itself; a folder to its kustomization or Chart.yaml. */
function linkTarget(host: FileHost, path: string): string | undefined {
  if (host.readDir(path) !== undefined) {
    const chart = joinPath(path, 'Chart.yaml');
    return findKustomizationFile(host, path) ?? (host.readFile(chart) !== undefined ? chart : undefined);
  }
  return host.readFile(path) !== undefined ? path : undefined;
}

/** Remote Kustomize resources (`https://...`, `github.com/org/repo?ref=v1`) are not on disk. */
function isRemote(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.includes('?ref=') || /^(github|gitlab)\.com\//.test(value);
}
