// A FileHost that reads each disk file and folder listing once, until a watcher event invalidates it.
// Open buffers always win, so a keystroke never causes a disk read.

import type { DirEntry, FileHost, FileInfo } from '../core/types';
import { inspectBesideFolder, nodeFileHost, openBufferInfo, type OverlaySource } from '../workspace/nodeFileHost';

export class CachedDiskHost implements FileHost {
  private readonly disk = nodeFileHost();
  private readonly texts = new Map<string, string | undefined>();
  private readonly listings = new Map<string, DirEntry[] | undefined>();
  /** Kind, size and real path of disk paths (the workspace gate asks for every file on every analysis). */
  private readonly infos = new Map<string, FileInfo | undefined>();
  private generation = 0;

  /** With `openFilesOnly`, folder listings show only open buffers (for files outside every workspace folder). */
  constructor(
    private readonly overlay: OverlaySource,
    private readonly openFilesOnly = false,
  ) {}

  readFile(path: string): string | undefined {
    const open = this.overlay.get(path);
    if (open) return open.text;
    if (!this.texts.has(path)) this.texts.set(path, this.disk.readFile(path));
    return this.texts.get(path);
  }

  /** The disk text already read for `path` (never reads). */
  diskText(path: string): string | undefined {
    return this.texts.get(path);
  }

  readDir(path: string): DirEntry[] | undefined {
    if (!this.listings.has(path)) this.listings.set(path, this.openFilesOnly ? [] : this.disk.readDir(path));
    const listed = this.listings.get(path);
    const prefix = path.endsWith('/') ? path : `${path}/`;
    let entries = listed;
    for (const open of this.overlay.paths()) {
      if (!open.startsWith(prefix)) continue;
      const name = open.slice(prefix.length);
      if (name.includes('/') || entries?.some((e) => e.name === name)) continue;
      entries = [...(entries ?? []), { name, isDirectory: false }];
    }
    return entries;
  }

  inspect(path: string): FileInfo | undefined {
    const open = this.overlay.get(path);
    if (open) return openBufferInfo(path, open.text);
    if (this.openFilesOnly) return undefined;
    if (!this.infos.has(path)) this.infos.set(path, this.inspectOnDisk(path));
    return this.infos.get(path);
  }

  /** From the folder's kept answer and one lstat when the path is no link (see inspectBesideFolder), else on disk. */
  private inspectOnDisk(path: string): FileInfo | undefined {
    const slash = path.lastIndexOf('/');
    if (slash > 0) {
      const folder = this.inspect(path.slice(0, slash));
      if (folder?.kind === 'directory') {
        const info = inspectBesideFolder(path, folder.realPath);
        if (info !== 'link') return info;
      }
    }
    return this.disk.inspect?.(path);
  }

  fileVersion(path: string): string | number | undefined {
    const open = this.overlay.get(path);
    return open ? `v${open.version}` : `disk${this.generation}`;
  }

  /**
   * Whether a buffer just opened shows exactly what earlier analyses read from disk for `path` (same text,
   * and the file is no link), so opening it changes nothing they would see.
   */
  sameAsDisk(path: string, text: string): boolean {
    if (this.openFilesOnly) return false;
    const info = this.infos.get(path) ?? this.disk.inspect?.(path);
    if (info?.kind !== 'file' || info.realPath !== openBufferInfo(path, text).realPath) return false;
    // Not read yet (an analysis under way may not have come to it): read it now, as that analysis would, when
    // its size says it can be the same text.
    if (!this.texts.has(path)) {
      if (info.size !== Buffer.byteLength(text)) return false;
      this.texts.set(path, this.disk.readFile(path));
    }
    return this.texts.get(path) === text;
  }

  /** Whether `path` is a regular file on disk (whatever buffer is open for it). */
  isDiskFile(path: string): boolean {
    if (this.openFilesOnly) return false;
    if (!this.infos.has(path)) this.infos.set(path, this.disk.inspect?.(path));
    return this.infos.get(path)?.kind === 'file';
  }

  /** A file's content changed on disk. */
  fileChanged(path: string): void {
    this.generation++;
    this.texts.delete(path);
    this.infos.delete(path);
  }

  /** A file or folder appeared or vanished: forget it, everything below it and every listing above it. */
  pathCreatedOrDeleted(path: string): void {
    this.generation++;
    const prefix = `${path}/`;
    for (const key of [...this.texts.keys()]) if (key === path || key.startsWith(prefix)) this.texts.delete(key);
    // A link anywhere above may now point elsewhere, so every real path is looked up again.
    this.infos.clear();
    for (const key of [...this.listings.keys()]) {
      if (key === path || key.startsWith(prefix) || path.startsWith(key.endsWith('/') ? key : `${key}/`)) this.listings.delete(key);
    }
  }

  invalidateAll(): void {
    this.generation++;
    this.texts.clear();
    this.listings.clear();
    this.infos.clear();
  }
}
