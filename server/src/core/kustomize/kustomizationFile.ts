// Finds and reads a kustomization file, keeping the YAML node of every entry for precise findings.

import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { nodeSpan } from '../model/readObjects';
import type { ParsedFile } from '../parse/parseYamlFile';
import { joinPath } from '../paths';
import type { FileHost, SourceLocation } from '../types';

export const KUSTOMIZATION_FILENAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function findKustomizationFile(host: FileHost, dir: string): string | undefined {
  const entries = host.readDir(dir);
  if (!entries) return undefined;
  for (const name of KUSTOMIZATION_FILENAMES) {
    if (entries.some((entry) => entry.name === name && !entry.isDirectory)) return joinPath(dir, name);
  }
  return undefined;
}

/** One value in a kustomization together with its node, so findings can point at it. */
export interface Entry<T = unknown> {
  value: T;
  node: Node | undefined;
  location: SourceLocation;
}

export interface Kustomization {
  dir: string;
  file: string;
  parsed: ParsedFile;
  root: YAMLMap | undefined;
  isComponent: boolean;
}

export function readKustomization(file: string, dir: string, parsed: ParsedFile): Kustomization {
  const root = parsed.documents.map((d) => d.doc.contents).find((c) => isMap(c)) as YAMLMap | undefined;
  const kind = root ? root.get('kind') : undefined;
  return { dir, file, parsed, root, isComponent: kind === 'Component' };
}

export function locationOf(k: Kustomization, node: unknown): SourceLocation {
  return { file: k.file, span: nodeSpan(node) };
}

/** The top-level field `key` as an entry, or undefined when absent. */
export function field(k: Kustomization, key: string): Entry | undefined {
  const pair = findPair(k.root, key);
  if (!pair) return undefined;
  const node = (pair.value ?? pair.key) as Node;
  return { value: plain(pair.value), node, location: locationOf(k, node) };
}

/** The location of a top-level key itself, for "not supported" style findings. */
export function keyLocation(k: Kustomization, key: string): SourceLocation {
  const pair = findPair(k.root, key);
  return locationOf(k, pair?.key);
}

/** Items of a top-level list field, each with its own node. */
export function listField(k: Kustomization, key: string): Entry[] {
  const pair = findPair(k.root, key);
  if (!pair || !isSeq(pair.value)) return [];
  return pair.value.items.map((item) => ({ value: plain(item), node: item as Node, location: locationOf(k, item) }));
}

/** A string-to-string map field (commonAnnotations, commonLabels), with the node of each entry. */
export function mapField(k: Kustomization, key: string, mapNode?: unknown): Array<Entry<string> & { key: string; isString: boolean }> {
  const node = mapNode !== undefined ? mapNode : findPair(k.root, key)?.value;
  if (!isMap(node)) return [];
  const out: Array<Entry<string> & { key: string; isString: boolean }> = [];
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    if (!isScalar(pair.key)) continue;
    const value = isScalar(pair.value) ? pair.value.value : pair.value;
    const text = isScalar(pair.value) && typeof pair.value.source === 'string' ? pair.value.source : value === null ? '' : String(value);
    out.push({ key: String(pair.key.value), value: typeof value === 'string' ? value : text, isString: typeof value === 'string', node: pair.key as Node, location: locationOf(k, pair.key) });
  }
  return out;
}

/** Sub-node of a map node by key path, for locating nested entries like `options.labels`. */
export function childNode(node: unknown, ...keys: string[]): Node | undefined {
  let current: unknown = node;
  for (const key of keys) {
    if (!isMap(current)) return undefined;
    current = current.get(key, true);
  }
  return current as Node | undefined;
}

/** Kustomize decodes kustomizations with Go's encoding/json: exact key first, then a case-insensitive match. */
function findPair(root: YAMLMap | undefined, key: string): Pair<unknown, unknown> | undefined {
  if (!root || !key) return undefined;
  const pairs = root.items as Pair<unknown, unknown>[];
  const lower = key.toLowerCase();
  return (
    pairs.find((p) => isScalar(p.key) && p.key.value === key) ??
    pairs.find((p) => isScalar(p.key) && typeof p.key.value === 'string' && p.key.value.toLowerCase() === lower)
  );
}

function plain(node: unknown): unknown {
  if (node === null || node === undefined) return undefined;
  try {
    return (node as Node).toJSON();
  } catch {
    return undefined;
  }
}
