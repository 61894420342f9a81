// FileHost over the local disk, with open editor buffers taking precedence over what is on disk.

import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { DirEntry, FileHost, FileInfo } from '../core/types';
import { decodeText } from './decodeText';

export interface OverlaySource {
  /** Text of an open buffer for this absolute path, if the editor has one open. */
  get(path: string): { text: string; version: number } | undefined;
  /** Absolute paths of open buffers (so new, unsaved files are listed too). */
  paths(): Iterable<string>;
}

const NO_OVERLAY: OverlaySource = { get: () => undefined, paths: () => [] };

export function nodeFileHost(overlay: OverlaySource = NO_OVERLAY): FileHost {
  return {
    readFile(path) {
      const open = overlay.get(path);
      if (open) return open.text;
      try {
        // Never open anything but a regular file: a FIFO or device would block or never end.
        if (!statSync(path).isFile()) return undefined;
        return decodeText(readFileSync(path));
      } catch {
        return undefined;
      }
    },
    readDir(path): DirEntry[] | undefined {
      let entries: DirEntry[];
      try {
        entries = readdirSync(path, { withFileTypes: true })
          .map((e) => ({ name: e.name, isDirectory: e.isDirectory() || (e.isSymbolicLink() && isDirectory(`${path}/${e.name}`)) }));
      } catch {
        return undefined;
      }
      const prefix = path.endsWith('/') ? path : `${path}/`;
      for (const open of overlay.paths()) {
        if (!open.startsWith(prefix)) continue;
        const name = open.slice(prefix.length);
        if (!name.includes('/') && !entries.some((e) => e.name === name)) entries.push({ name, isDirectory: false });
      }
      return entries;
    },
    fileVersion(path) {
      const open = overlay.get(path);
      if (open) return `v${open.version}`;
      try {
        return statSync(path).mtimeMs;
      } catch {
        return undefined;
      }
    },
    inspect(path) {
      const open = overlay.get(path);
      return open ? openBufferInfo(path, open.text) : inspectDisk(path);
    },
  };
}

/**
 * nodeFileHost for one run over a disk that does not change meanwhile (the CLI): answers for folders are kept, so
 * each file that is no link is inspected with one lstat (see inspectBesideFolder) instead of a realpath and a stat.
 */
export function oneRunFileHost(): FileHost {
  const disk = nodeFileHost();
  const folders = new Map<string, FileInfo | undefined>();
  const inspect = (path: string): FileInfo | undefined => {
    const slash = path.lastIndexOf('/');
    if (slash > 0) {
      const folder = inspectFolder(path.slice(0, slash));
      if (folder?.kind === 'directory') {
        const info = inspectBesideFolder(path, folder.realPath);
        if (info !== 'link') return info;
      }
    }
    return disk.inspect?.(path);
  };
  const inspectFolder = (path: string): FileInfo | undefined => {
    if (!folders.has(path)) folders.set(path, inspect(path));
    return folders.get(path);
  };
  return { ...disk, inspect };
}

/** An open buffer is a file; its real path is its folder's real path, as it may not exist on disk yet. */
export function openBufferInfo(path: string, text: string): FileInfo {
  const slash = path.lastIndexOf('/');
  const folder = inspectDisk(path.slice(0, slash) || '/');
  const realPath = folder ? `${folder.realPath.replace(/\/$/, '')}/${path.slice(slash + 1)}` : path;
  return { realPath, kind: 'file', size: Buffer.byteLength(text) };
}

// The native realpath is one library call, where the JavaScript one lstats every folder on the way (3x the time on
// the corpus). Windows keeps the JavaScript one: the native one has known failures there on some virtual drives.
const realpath = process.platform === 'win32' ? realpathSync : realpathSync.native;

function inspectDisk(path: string): FileInfo | undefined {
  try {
    const realPath = realpath(path);
    const stat = statSync(realPath);
    const kind = stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
    return { realPath, kind, size: stat.size };
  } catch {
    return undefined;
  }
}

/**
 * What `inspect` answers for `path`, from the real path of its folder and one lstat, when `path` is no symbolic
 * link: its real path is then its folder's real path and its name, and its stat is its lstat. A host that keeps
 * folder answers saves resolving every folder above each file again. `'link'` when it is a link (or the fast
 * answer does not apply): inspect it on disk.
 */
export function inspectBesideFolder(path: string, folderRealPath: string): FileInfo | undefined | 'link' {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (process.platform === 'win32' || name === '' || name === '.' || name === '..') return 'link';
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return 'link';
  }
  if (stat.isSymbolicLink()) return 'link';
  const kind = stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
  return { realPath: `${folderRealPath.replace(/\/$/, '')}/${name}`, kind, size: stat.size };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
