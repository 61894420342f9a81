// An in-memory FileHost for core tests: a map of absolute POSIX paths to file texts.

import type { DirEntry, FileHost } from '../../server/src/core/types';

export function memoryHost(files: Record<string, string>): FileHost {
  const normalized = new Map(Object.entries(files).map(([path, text]) => [path.replace(/\/+$/, ''), text]));
  return {
    readFile: (path) => normalized.get(path),
    readDir(path): DirEntry[] | undefined {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const entries = new Map<string, boolean>();
      for (const file of normalized.keys()) {
        if (!file.startsWith(prefix)) continue;
        const rest = file.slice(prefix.length);
        const slash = rest.indexOf('/');
        entries.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
      }
      return entries.size > 0 ? [...entries].map(([name, isDirectory]) => ({ name, isDirectory })) : undefined;
    },
    fileVersion: (path) => normalized.get(path)?.length,
  };
}
