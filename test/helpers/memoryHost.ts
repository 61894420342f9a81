// An in-memory FileHost for core tests: a map of absolute POSIX paths to file texts.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DirEntry, FileHost } from '../../server/src/core/types';

export function memoryHost(files: Record<string, string>): FileHost {
  const normalized = new Map(Object.entries(files).map(([path, text]) => [path.replace(/\/+$/, ''), text]));
  return {
    readFile: (path) => normalized.get(path),
    readDir: (path) => listDir(normalized.keys(), path),
    fileVersion: (path) => normalized.get(path)?.length,
  };
}

/** A mutable in-memory workspace: tests edit `files` between analyses. */
export class MemoryWorkspace implements FileHost {
  constructor(readonly files: Map<string, string>) {}
  readFile(path: string): string | undefined {
    return this.files.get(path);
  }
  readDir(path: string): DirEntry[] | undefined {
    return listDir(this.files.keys(), path);
  }
}

/** The entries of folder `path` among `files` (absolute paths): undefined when no file lies below it. */
function listDir(files: Iterable<string>, path: string): DirEntry[] | undefined {
  const prefix = path.endsWith('/') ? path : `${path}/`;
  const entries = new Map<string, boolean>();
  for (const file of files) {
    if (!file.startsWith(prefix)) continue;
    const rest = file.slice(prefix.length);
    const slash = rest.indexOf('/');
    entries.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
  }
  return entries.size > 0 ? [...entries].map(([name, isDirectory]) => ({ name, isDirectory })) : undefined;
}

/** Every file under `folder`, keyed by its path relative to `folder`: a disk folder as memoryHost input. */
export function filesUnder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(folder, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(folder);
  return files;
}
