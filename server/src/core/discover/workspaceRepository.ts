// Which Git repositories the workspace is: remote URLs from `.git/config` (read through the FileHost)
// plus `.syncplan.yaml` `repositories:`. Argo CD compares repo URLs after git.NormalizeGitURL.

import { parse } from 'yaml';
import { dirnameOf, joinPath, normalizePath } from '../paths';
import type { FileHost } from '../types';

export interface WorkspaceRepository {
  /** Normalised URLs (normalizeGitUrl) of the workspace repository; empty when unknown. */
  urls: string[];
}

/**
 * Argo CD's git.NormalizeGitURL: lower case, trimmed, scp-like SSH (`git@host:org/repo`) turned into
 * `host/org/repo` form, `.git` suffix dropped, `ssh://` prefix dropped.
 */
export function normalizeGitUrl(url: string): string {
  let repo = url.trim().toLowerCase();
  if (/^(ssh:\/\/)?[^/:]*?@[^@]+$/.test(repo) && !repo.startsWith('ssh://')) {
    repo = `ssh://${repo.replace(':', '/')}`;
  }
  if (repo.endsWith('.git')) repo = repo.slice(0, -'.git'.length);
  repo = repo.replace(/\/+$/, '');
  return repo.startsWith('ssh://') ? repo.slice('ssh://'.length) : repo;
}

/** Host and path without scheme, user, port or `.git`: the same repository reached over HTTPS or SSH. */
function repositoryKey(url: string): string {
  const normalized = normalizeGitUrl(url);
  const withoutScheme = normalized.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const withoutUser = withoutScheme.replace(/^[^@/]*@/, '');
  const slash = withoutUser.indexOf('/');
  const host = (slash < 0 ? withoutUser : withoutUser.slice(0, slash)).replace(/:\d+$/, '');
  return slash < 0 ? host : `${host}${withoutUser.slice(slash)}`;
}

/** True when repoURL names the workspace repository. Unknown workspace repository: assume it does (path mapping as before). */
export function isWorkspaceRepository(repo: WorkspaceRepository, repoURL: string | undefined): boolean {
  if (repo.urls.length === 0 || repoURL === undefined || repoURL.trim() === '') return true;
  const wanted = repositoryKey(repoURL);
  return repo.urls.some((url) => url === normalizeGitUrl(repoURL) || repositoryKey(url) === wanted);
}

export function readWorkspaceRepository(host: FileHost, root: string): WorkspaceRepository {
  const urls = new Set<string>();
  for (const url of gitRemoteUrls(host, root)) urls.add(normalizeGitUrl(url));
  for (const url of configuredRepositories(host.readFile(joinPath(root, '.syncplan.yaml')))) urls.add(normalizeGitUrl(url));
  return { urls: [...urls].filter((u) => u !== '') };
}

/** Remote URLs of the nearest enclosing Git checkout (a `.git` folder, or a worktree's `.git` file). */
function gitRemoteUrls(host: FileHost, root: string): string[] {
  let dir = normalizePath(root);
  for (;;) {
    const gitDir = resolveGitDir(host, joinPath(dir, '.git'));
    if (gitDir) {
      const config = host.readFile(joinPath(gitDir, 'config'));
      if (config !== undefined) return remoteUrls(config);
    }
    const parent = dirnameOf(dir);
    if (parent === dir) return [];
    dir = parent;
  }
}

function resolveGitDir(host: FileHost, dotGit: string): string | undefined {
  if (host.readDir(dotGit) !== undefined) return dotGit;
  const pointer = host.readFile(dotGit)?.match(/^gitdir:\s*(.+?)\s*$/m)?.[1];
  if (!pointer) return undefined;
  const gitDir = pointer.startsWith('/') ? normalizePath(pointer) : normalizePath(joinPath(dirnameOf(dotGit), pointer));
  // A linked worktree keeps its remotes in the common directory named by `commondir`.
  const common = host.readFile(joinPath(gitDir, 'commondir'))?.trim();
  if (!common) return gitDir;
  return common.startsWith('/') ? normalizePath(common) : normalizePath(joinPath(gitDir, common));
}

/** `url = ...` entries of `[remote "name"]` sections of a git config file. */
export function remoteUrls(config: string): string[] {
  const urls: string[] = [];
  let inRemote = false;
  for (const raw of config.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      inRemote = /^\[remote\s+"[^"]*"\]$/i.test(line);
      continue;
    }
    const match = inRemote ? /^url\s*=\s*(.+)$/i.exec(line) : null;
    if (match) urls.push(match[1].replace(/^"(.*)"$/, '$1').trim());
  }
  return urls;
}

/** `.syncplan.yaml` `repositories: [url, ...]`; a broken file gives none (its problems are reported elsewhere). */
export function configuredRepositories(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const root = parse(text, { version: '1.2', logLevel: 'error' }) as unknown;
    const list = root !== null && typeof root === 'object' ? (root as Record<string, unknown>).repositories : undefined;
    return Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string' && u.trim() !== '') : [];
  } catch {
    return [];
  }
}
