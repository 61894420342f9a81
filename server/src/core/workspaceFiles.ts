// Lists and parses the workspace's files through the FileHost, caching parses by file version.

import { compileGlobs } from './glob/linearGlob';
import { readObjects } from './model/readObjects';
import type { K8sObject } from './model/k8sObject';
import { parseYamlFile, type ParsedFile } from './parse/parseYamlFile';
import { dirnameOf, joinPath, relativePath } from './paths';
import type { FileHost } from './types';

/** Folders never worth reading. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.svn', '.hg']);

export interface ListOptions {
  /** Glob patterns, relative to the root, of files and folders to leave out. */
  exclude?: readonly string[];
}

/** A host that can say where a path really is (symbolic links resolved). */
type WalkHost = FileHost & { realPath?(path: string): string };

export function listWorkspaceFiles(host: WalkHost, root: string, options: ListOptions = {}): string[] {
  const excluded = compileGlobs(options.exclude ?? [], 'paths');
  const isExcluded = (rel: string): boolean => excluded.test(rel);
  const files: string[] = [];
  const pending = [root];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    // Remember real paths, so a link back to a folder already walked (a loop) is not walked again.
    const real = host.realPath?.(dir) ?? dir;
    if (seen.has(real)) continue;
    seen.add(real);
    const entries = host.readDir(dir) ?? [];
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory && ALWAYS_SKIPPED.has(entry.name)) continue;
      const path = joinPath(dir, entry.name);
      const rel = relativePath(root, path);
      if (isExcluded(rel) || (entry.isDirectory && isExcluded(`${rel}/`))) continue;
      if (entry.isDirectory) pending.push(path);
      else files.push(path);
    }
  }
  return files.sort();
}

interface CacheEntry {
  text: string;
  parsed: ParsedFile;
  objects?: K8sObject[];
}

/** Parses files once per content; shared by every analysis run of a language server session. */
export class ParseCache {
  private readonly entries = new Map<string, CacheEntry>();

  parse(path: string, text: string): ParsedFile {
    const cached = this.entries.get(path);
    if (cached && cached.text === text) return cached.parsed;
    const parsed = parseYamlFile(path, text);
    this.entries.set(path, { text, parsed });
    return parsed;
  }

  /** Objects of a plain manifest file, parsed once per content. */
  objects(path: string, text: string): K8sObject[] {
    const parsed = this.parse(path, text);
    const entry = this.entries.get(path) as CacheEntry;
    entry.objects ??= readObjects(parsed);
    return entry.objects;
  }

  /** Objects that can hold `offset` (and maybe others): all of them here; the language server's cache reads fewer. */
  objectsAround(path: string, text: string, _offset: number): K8sObject[] {
    return this.objects(path, text);
  }

  forget(path: string): void {
    this.entries.delete(path);
  }
}

/**
 * The file list after the reported paths were created or deleted, without listing the workspace again:
 * a reported path that is (or was) a file is added or dropped as the walk would; a created folder returns
 * undefined (list again). Removing a folder drops every file below it.
 */
export function patchWorkspaceFiles(host: WalkHost, root: string, previous: readonly string[], changed: ReadonlySet<string>, options: ListOptions = {}): string[] | undefined {
  const excluded = compileGlobs(options.exclude ?? [], 'paths');
  const files = new Set(previous);
  for (const path of changed) {
    const rel = relativePath(root, path);
    if (rel === '.' || rel.startsWith('../') || rel === '..') return undefined;
    for (const file of files) if (file === path || file.startsWith(`${path}/`)) files.delete(file);
    if (host.readDir(path) !== undefined) return undefined;
    const parent = dirnameOf(path);
    const name = path.slice(path.lastIndexOf('/') + 1);
    const entry = host.readDir(parent)?.find((e) => e.name === name);
    if (!entry) continue;
    if (entry.isDirectory) return undefined;
    if (!walked(rel, excluded)) continue;
    files.add(path);
  }
  return [...files].sort();
}

/** Whether the walk reaches the file `rel` (relative to the root): no folder on the way skipped or excluded, nor the file. */
function walked(rel: string, excluded: { test(path: string): boolean }): boolean {
  const segments = rel.split('/');
  for (let i = 1; i < segments.length; i++) {
    const folder = segments.slice(0, i).join('/');
    if (ALWAYS_SKIPPED.has(segments[i - 1]) || excluded.test(folder) || excluded.test(`${folder}/`)) return false;
  }
  return !excluded.test(rel);
}
