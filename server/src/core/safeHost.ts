// The one gate every core reader goes through: nothing whose real path leaves the workspace root is read,
// only regular files are opened, and files over the size cap are skipped. Each refusal becomes a finding.
// Argo CD's repo server refuses out-of-bounds symlinks in the same way (CheckOutOfBoundsSymlinks).
// One gate lives for one analysis, so it also remembers each answer: every path is inspected, read and listed
// once per analysis, however many renderers and rules ask, and all of them see the same snapshot.

import { isInside, relativePath } from './paths';
import type { DirEntry, FileHost, FileInfo, Finding } from './types';

/** A gate's verdicts on one path, kept with the host's info object they were worked out from. */
interface Verdict {
  path: string;
  /** The gate's root, real root and size cap. */
  gate: string;
  /** null: allowed; a finding: refused; undefined: not asked yet. */
  file?: Finding | null;
  directory?: Finding | null;
}

const verdicts = new WeakMap<FileInfo, Verdict>();

/** Default size cap for one file: 10 MB. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export class SafeHost implements FileHost {
  private readonly refused = new Map<string, Finding>();
  private readonly infos = new Map<string, FileInfo | undefined>();
  private readonly texts = new Map<string, string | undefined>();
  private readonly listings = new Map<string, DirEntry[] | undefined>();
  private readonly realRoot: string;
  private readonly gateKey: string;

  constructor(
    private readonly inner: FileHost,
    private readonly root: string,
    private readonly maxFileSize = DEFAULT_MAX_FILE_SIZE,
  ) {
    this.realRoot = inner.inspect?.(root)?.realPath ?? root;
    this.gateKey = `${root}\u0000${this.realRoot}\u0000${maxFileSize}`;
  }

  readFile(path: string): string | undefined {
    if (!this.texts.has(path)) this.texts.set(path, this.allowed(path, 'file') ? this.inner.readFile(path) : undefined);
    return this.texts.get(path);
  }

  readDir(path: string): DirEntry[] | undefined {
    if (!this.listings.has(path)) this.listings.set(path, this.allowed(path, 'directory') ? this.inner.readDir(path) : undefined);
    return this.listings.get(path);
  }

  fileVersion(path: string): string | number | undefined {
    return this.inner.fileVersion?.(path);
  }

  /** The real path when the host knows it (the walk uses it to stop at symlink loops). */
  realPath(path: string): string {
    return this.info(path)?.realPath ?? path;
  }

  /** One finding per refused path, in the order they were met. */
  findings(): Finding[] {
    return [...this.refused.values()];
  }

  private allowed(path: string, wanted: 'file' | 'directory'): boolean {
    if (this.refused.has(path)) return false;
    if (!this.inner.inspect) return true;
    const info = this.info(path);
    if (!info) return true; // Missing: the reader reports it as it always did.
    // Hosts that keep their answers (the language server's) give the same info object while the path is unchanged,
    // so the verdict is reused, not worked out again on every analysis.
    const kept = verdicts.get(info);
    const same = kept !== undefined && kept.path === path && kept.gate === this.gateKey;
    if (same && kept[wanted] !== undefined) {
      const refusal = kept[wanted];
      if (refusal) this.refused.set(path, refusal);
      return refusal === null;
    }
    const allowed = this.judge(path, info, wanted);
    const verdict: Verdict = same ? kept : { path, gate: this.gateKey };
    verdict[wanted] = allowed ? null : this.refused.get(path);
    verdicts.set(info, verdict);
    return allowed;
  }

  private judge(path: string, info: FileInfo, wanted: 'file' | 'directory'): boolean {
    if (!isInside(this.realRoot, info.realPath) && !(isGitMetadata(path) && isGitMetadata(info.realPath))) {
      return this.refuse(path, 'workspace/outside-link', `${this.shown(path)} is a link to a place outside the workspace, so it is not read.`);
    }
    if (info.kind === 'other') {
      return this.refuse(path, 'workspace/not-regular-file', `${this.shown(path)} is not a regular file (a pipe, socket or device), so it is not read.`);
    }
    if (wanted === 'file' && info.kind === 'file' && info.size > this.maxFileSize) {
      return this.refuse(path, 'workspace/file-too-large', `${this.shown(path)} is ${info.size} bytes, over the ${this.maxFileSize}-byte limit, so it is not read.`);
    }
    return true;
  }

  private info(path: string): FileInfo | undefined {
    if (!this.infos.has(path)) this.infos.set(path, this.inner.inspect?.(path));
    return this.infos.get(path);
  }

  private refuse(path: string, code: string, message: string): false {
    this.refused.set(path, { code, severity: 'warning', message, file: path, span: { start: 0, end: 0 } });
    return false;
  }

  private shown(path: string): string {
    return isInside(this.root, path) ? relativePath(this.root, path) : path;
  }
}

/**
 * The one exception to the root: the enclosing checkout's Git metadata (the `.git` folder or pointer file, and
 * its `config` and `commondir`), which lies above the root when a subfolder is analysed or the checkout is a
 * linked worktree. Only remote URLs are taken from it, and they are never printed. Both the path asked for and its
 * real path must be Git metadata, so a link named `.git/config` that leads elsewhere, or a manifest linked to a
 * Git config, is still refused.
 */
function isGitMetadata(path: string): boolean {
  const parts = path.split(/[\\/]/);
  const gitAt = parts.lastIndexOf('.git');
  if (gitAt < 0) return false;
  const last = parts[parts.length - 1];
  return gitAt === parts.length - 1 || last === 'config' || last === 'commondir';
}
