// FileHost implementations for tests: the real disk (read-only) and an in-memory tree.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as posix from 'node:path/posix';
import type { DirEntry, FileHost } from '../../../server/src/core/types';

export function diskHost(): FileHost {
  return {
    readFile(path) {
      try {
        return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    readDir(path) {
      try {
        return readdirSync(path, { withFileTypes: true }).map((e) => ({ name: e.name, isDirectory: e.isDirectory() || (e.isSymbolicLink() && isDir(posix.join(path, e.name))) }));
      } catch {
        return undefined;
      }
    },
  };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A host over `files` (absolute path → text); folders are implied by the paths. */
export function memoryHost(files: Record<string, string>): FileHost {
  return {
    readFile: (path) => files[path],
    readDir(path) {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const entries = new Map<string, DirEntry>();
      for (const file of Object.keys(files)) {
        if (!file.startsWith(prefix)) continue;
        const [first, ...rest] = file.slice(prefix.length).split('/');
        entries.set(first, { name: first, isDirectory: rest.length > 0 });
      }
      return entries.size > 0 ? [...entries.values()] : undefined;
    },
  };
}

/** Loads `test/fixtures/kustomize/<name>` into an in-memory host rooted at `/fx/<name>`. */
export function fixtureHost(name: string): { host: FileHost; root: string } {
  const diskRoot = posix.join(__dirname.split('\\').join('/'), '../../fixtures/kustomize', name);
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[`/fx/${name}/${posix.relative(diskRoot, full)}`] = readFileSync(full, 'utf8');
    }
  };
  walk(diskRoot);
  return { host: memoryHost(files), root: `/fx/${name}` };
}
