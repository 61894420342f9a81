// A FileHost that shows a folder of test fixtures at a virtual path inside another host's tree, so that a
// corpus chart can take value files that live in this repository (e.g. a synthesised value profile).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileHost } from '../../server/src/core/types';

/** `base` plus the files of `fixtureDir` (one level) under the absolute POSIX path `mountPath`. */
export function withMountedFolder(base: FileHost, mountPath: string, fixtureDir: string): FileHost {
  const files = new Map(readdirSync(fixtureDir).map((name) => [`${mountPath}/${name}`, readFileSync(join(fixtureDir, name), 'utf8')]));
  const parent = mountPath.slice(0, mountPath.lastIndexOf('/'));
  const mountName = mountPath.slice(parent.length + 1);
  return {
    readFile: (path) => files.get(path) ?? base.readFile(path),
    readDir(path) {
      if (path === mountPath) return [...files.keys()].map((f) => ({ name: f.slice(mountPath.length + 1), isDirectory: false }));
      const entries = base.readDir(path);
      return path === parent ? [...(entries ?? []), { name: mountName, isDirectory: true }] : entries;
    },
    fileVersion: (path) => (files.has(path) ? files.get(path)!.length : base.fileVersion?.(path)),
    inspect(path) {
      const text = files.get(path);
      if (text !== undefined) return { realPath: path, kind: 'file', size: Buffer.byteLength(text) };
      if (path === mountPath) return { realPath: path, kind: 'directory', size: 0 };
      return base.inspect?.(path);
    },
  };
}
