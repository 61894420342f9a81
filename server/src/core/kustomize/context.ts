// State shared by one render: file access with Kustomize's load restrictor, findings and completeness.

import type { ParsedFile } from '../parse/parseYamlFile';
import { isInside, resolvePath } from '../paths';
import type { FileHost, Finding, Severity, SourceLocation } from '../types';
import type { BuildCache } from './buildCache';
import type { Kustomization } from './kustomizationFile';

export interface RenderContext {
  host: FileHost;
  parse: (path: string, text: string) => ParsedFile;
  findings: Finding[];
  incompleteReasons: string[];
  filesRead: Set<string>;
  referencedKustomizations: Set<string>;
  /** Kustomization dirs being built, to stop cycles. */
  stack: string[];
  parsedCache: Map<string, ParsedFile>;
  /** Folder builds shared by every render of one analysis. */
  builds: BuildCache;
  /** How many times something could not be rendered; a kustomization compares it to know its inputs are partial. */
  incompleteMarks?: number;
}

export function report(ctx: RenderContext, code: string, severity: Severity, message: string, at: SourceLocation, detail?: string): void {
  ctx.findings.push({ code, severity, message, ...(detail ? { detail } : {}), file: at.file, span: at.span });
}

export function markIncomplete(ctx: RenderContext, reason: string): void {
  ctx.incompleteMarks = (ctx.incompleteMarks ?? 0) + 1;
  if (!ctx.incompleteReasons.includes(reason)) ctx.incompleteReasons.push(reason);
}

/** Reads a file through the host and remembers it for cache invalidation, even when it does not exist. */
export function readTracked(ctx: RenderContext, path: string): string | undefined {
  ctx.filesRead.add(path);
  return ctx.host.readFile(path);
}

export function parseTracked(ctx: RenderContext, path: string): ParsedFile | undefined {
  const cached = ctx.parsedCache.get(path);
  if (cached) return cached;
  const text = readTracked(ctx, path);
  if (text === undefined) return undefined;
  const parsed = ctx.parse(path, text);
  ctx.parsedCache.set(path, parsed);
  return parsed;
}

const REMOTE_PATTERN = /^(https?:\/\/|git::|git@|ssh:\/\/|github\.com\/|gitlab\.com\/|bitbucket\.org\/)|\?ref=|^[a-z0-9-]+(\.[a-z0-9-]+)+\.[a-z]{2,}\//i;

export function isRemoteReference(entry: string): boolean {
  return REMOTE_PATTERN.test(entry);
}

/** Reports a remote reference: it cannot be fetched offline, so the render is incomplete. */
export function reportRemote(ctx: RenderContext, entry: string, at: SourceLocation): void {
  report(
    ctx,
    'kustomize/remote-resource',
    'warning',
    'Remote reference: SyncPlan cannot fetch it offline, so the plan leaves out what it adds.',
    at,
    `"${entry}" is a remote reference and is not resolvable offline; SyncPlan skips it, so the rendered result is incomplete.`,
  );
  markIncomplete(ctx, `remote reference ${entry} in ${at.file}`);
}

/**
 * Reads a file named by a kustomization (patch, generator source), enforcing Kustomize's default
 * LoadRestrictionsRootOnly: files must lie in or below the kustomization's folder.
 */
export function readRestrictedFile(ctx: RenderContext, k: Kustomization, entry: string, at: SourceLocation, what: string): { path: string; text: string } | undefined {
  if (isRemoteReference(entry)) {
    reportRemote(ctx, entry, at);
    return undefined;
  }
  const path = resolvePath(k.dir, entry);
  if (!isInside(k.dir, path)) {
    reportOutsideRoot(ctx, entry, path, k, at);
    return undefined;
  }
  const text = readTracked(ctx, path);
  if (text === undefined) {
    report(
      ctx,
      'kustomize/missing-resource',
      'error',
      `This ${what} does not exist: kustomize build fails and Argo CD cannot render the app.`,
      at,
      `${what} "${entry}" does not exist, so kustomize build fails and Argo CD cannot render this application.`,
    );
    markIncomplete(ctx, `missing ${what} ${entry}`);
    return undefined;
  }
  return { path, text };
}

export function reportOutsideRoot(ctx: RenderContext, entry: string, path: string, k: Kustomization, at: SourceLocation): void {
  report(
    ctx,
    'kustomize/outside-root',
    'error',
    'Outside the kustomization folder: kustomize refuses to load it, so the build fails.',
    at,
    `"${entry}" is outside the folder of this kustomization; kustomize refuses to load files outside it (load restrictor), so the build fails. Move the file or reference a folder with its own kustomization.`,
  );
  markIncomplete(ctx, `file outside the kustomization root: ${path}`);
}
