// The folders fuzz inputs start from: the repository's examples, its test fixtures and, when present on this
// machine, the shared corpus of real GitOps repositories. Each seed is a folder with its manifest files.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export interface SeedFolder {
  /** Where it came from (for reports). */
  origin: string;
  /** Relative path -> text. */
  files: Map<string, string>;
}

const MANIFEST = /\.(ya?ml|json|tpl)$/i;
const MAX_FILES = 40;
const MAX_BYTES = 150_000;

export function seedRoots(includeCorpus: boolean): string[] {
  const repo = resolve(__dirname, '..', '..');
  const roots = [join(repo, 'examples'), join(repo, 'test', 'fixtures'), join(repo, 'test', 'rules')];
  if (includeCorpus) {
    const corpus = [resolve(repo, '..', 'shared', 'corpus'), '/work/shared/corpus'].find((p) => existsSync(p));
    if (corpus) roots.push(corpus);
  }
  return roots.filter((p) => existsSync(p));
}

/** Every folder under the roots that holds manifests, in a stable order. */
export function listSeedFolders(roots: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && MANIFEST.test(e.name))) found.push(dir);
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') walk(join(dir, e.name));
  };
  for (const root of roots) walk(root);
  return found;
}

/** The manifest files of a folder and its sub-folders, bounded in count and size. */
export function loadSeedFolder(dir: string): SeedFolder {
  const files = new Map<string, string>();
  let bytes = 0;
  const walk = (current: string): void => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const e of entries) {
      if (files.size >= MAX_FILES || bytes >= MAX_BYTES) return;
      const path = join(current, e.name);
      if (e.isDirectory() && !e.name.startsWith('.')) walk(path);
      else if (e.isFile() && MANIFEST.test(e.name) && statSync(path).size < 100_000) {
        const text = readFileSync(path, 'utf8');
        bytes += text.length;
        files.set(relative(dir, path), text);
      }
    }
  };
  walk(dir);
  return { origin: dir, files };
}
