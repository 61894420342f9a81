// A FileHost that records what the computation running on it read: file texts, folder listings, file
// kinds. A recorded computation stays valid while reading the same paths again gives the same answers.

import type { DirEntry, FileHost, FileInfo } from '../types';

/** Read key (`kind:path`, `L:` for the workspace file list) -> what the read answered, in a form compared with `===`. */
export type ReadLog = Map<string, string | number | undefined>;

export class TrackingHost implements FileHost {
  /** Logs of the computations in progress, innermost last; every read goes into the innermost. */
  private readonly active: ReadLog[] = [];
  /** One string per read key, shared by every log of this analysis (thousands of logs read the same paths). */
  private readonly keys = new Map<string, string>();

  constructor(
    private readonly inner: FileHost & { realPath?(path: string): string },
    /** Changes whenever the workspace file list changes. */
    private readonly fileListVersion = 0,
    /** Answers a derived read (`derived`) again, for `unchanged`. */
    private readonly derive: (key: string) => string | undefined = () => undefined,
  ) {}

  /**
   * Records a summary of another computation (`D:key`) instead of everything it read: the computation in progress
   * then depends only on that summary, which `unchanged` asks `derive` for again. `read` runs unrecorded.
   */
  derived(key: string, read: () => string | undefined): string | undefined {
    this.active.push(new Map());
    let value: string | undefined;
    try {
      value = read();
    } finally {
      this.active.pop();
    }
    return this.note(`D:${key}`, value);
  }

  /** Records that the computation in progress read the workspace file list. */
  noteFileList(): void {
    this.note('L:', this.fileListVersion);
  }

  readFile(path: string): string | undefined {
    return this.note(`f:${path}`, this.inner.readFile(path));
  }

  readDir(path: string): DirEntry[] | undefined {
    const entries = this.inner.readDir(path);
    this.note(`d:${path}`, listingKey(entries));
    return entries;
  }

  inspect(path: string): FileInfo | undefined {
    const info = this.inner.inspect?.(path);
    this.note(`i:${path}`, infoKey(info));
    return info;
  }

  fileVersion(path: string): string | number | undefined {
    return this.note(`v:${path}`, this.inner.fileVersion?.(path));
  }

  realPath(path: string): string {
    const real = this.inner.realPath?.(path) ?? this.inner.inspect?.(path)?.realPath ?? path;
    return this.note(`r:${path}`, real) as string;
  }

  /** Runs `compute` and returns its value with everything it read (also counted as read by any enclosing computation). */
  record<T>(compute: () => T): { value: T; reads: ReadLog } {
    const reads: ReadLog = new Map();
    this.active.push(reads);
    try {
      return { value: compute(), reads };
    } finally {
      this.active.pop();
      this.replay(reads);
    }
  }

  /** Counts a reused computation's reads as read by the enclosing computation, if any. */
  replay(reads: ReadLog): void {
    const outer = this.active[this.active.length - 1];
    if (outer) for (const [key, value] of reads) outer.set(key, value);
  }

  /** Whether reading every recorded path again gives what it gave then (reads go through the inner host, unrecorded). */
  unchanged(reads: ReadLog): boolean {
    for (const [key, value] of reads) if (this.answer(key) !== value) return false;
    return true;
  }

  /** Whether reading `key` again gives `value`. */
  answersSame(key: string, value: string | number | undefined): boolean {
    return this.answer(key) === value;
  }

  private answer(key: string): string | number | undefined {
    const path = key.slice(2);
    switch (key[0]) {
      case 'f':
        return this.inner.readFile(path);
      case 'd':
        return listingKey(this.inner.readDir(path));
      case 'i':
        return infoKey(this.inner.inspect?.(path));
      case 'v':
        return this.inner.fileVersion?.(path);
      case 'L':
        return this.fileListVersion;
      case 'D':
        return this.derive(path);
      default:
        return this.inner.realPath?.(path) ?? this.inner.inspect?.(path)?.realPath ?? path;
    }
  }

  private note<T extends string | number | undefined>(key: string, value: T): T {
    const log = this.active[this.active.length - 1];
    if (!log) return value;
    let shared = this.keys.get(key);
    if (shared === undefined) this.keys.set(key, (shared = key));
    log.set(shared, value);
    return value;
  }
}

// The answers' keys, one string per listing or file info: hosts hand out the same array or object while it is
// unchanged, so the logs of every query that read it share one string instead of holding a copy each.
const listingKeys = new WeakMap<DirEntry[], string>();
const infoKeys = new WeakMap<FileInfo, string>();

function listingKey(entries: DirEntry[] | undefined): string | undefined {
  if (!entries) return undefined;
  let key = listingKeys.get(entries);
  if (key === undefined) listingKeys.set(entries, (key = entries.map((e) => `${e.name}${e.isDirectory ? '/' : ''}`).join('\n')));
  return key;
}

function infoKey(info: FileInfo | undefined): string | undefined {
  if (!info) return undefined;
  let key = infoKeys.get(info);
  if (key === undefined) infoKeys.set(info, (key = `${info.kind}:${info.size}:${info.realPath}`));
  return key;
}
