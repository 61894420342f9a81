// The git generator on the workspace's own repository (argo-cd applicationset/generators/git.go): directories
// matched with Go's path.Match, files with a git pathspec (or doublestar when the new globbing is enabled).

import { compileGlob, type GlobDialect } from '../glob/linearGlob';
import { parse } from 'yaml';
import { relativePath } from '../paths';
import { goString, sanitizeName } from './fasttemplate';
import { asRecord, GeneratorError, NotOffline, type GeneratorContext } from './generatorTypes';
import { replaceString, type FieldPath, type Params } from './templateRender';

export function gitParams(git: Record<string, unknown>, path: FieldPath, ctx: GeneratorContext): Params[] {
  const repoURL = typeof git.repoURL === 'string' ? git.repoURL : undefined;
  if (!ctx.isWorkspaceRepository(repoURL)) {
    throw new NotOffline(`its git generator reads another repository (${repoURL ?? 'no repoURL'}), whose files are not in this workspace`, [...path, 'repoURL']);
  }
  if (!ctx.repositoryKnown) {
    ctx.caveats.add(`No git remote or .syncplan.yaml repositories entry names this workspace's repository: SyncPlan assumed ${repoURL ?? 'the git generator repository'} is this workspace.`);
  }
  ctx.caveats.add('The git generator reads the working tree, whatever its revision names.');
  const prefix = typeof git.pathParamPrefix === 'string' ? git.pathParamPrefix : '';
  const values = asRecord(git.values) ?? {};
  const directories = Array.isArray(git.directories) ? git.directories : [];
  const files = Array.isArray(git.files) ? git.files : [];
  if (directories.length > 0) {
    return matchDirectories(directories, repoPaths(ctx).directories).map((dir) => withValues(directoryParams(dir, prefix, ctx), values, ctx, path));
  }
  if (files.length > 0) return fileParams(files, path, prefix, values, ctx);
  throw new GeneratorError('the git generator lists neither directories nor files', path);
}

/** Listings already made, per workspace file list and checkout root (every git generator of an analysis asks). */
const listed = new WeakMap<readonly string[], Map<string, { directories: string[]; files: string[] }>>();

/** Folders and files of the checkout relative to its root; hidden folders are skipped as the repo server does. */
function repoPaths(ctx: GeneratorContext): { directories: string[]; files: string[] } {
  const all = ctx.listFiles?.() ?? ctx.files;
  let byRoot = listed.get(all);
  if (!byRoot) listed.set(all, (byRoot = new Map()));
  let paths = byRoot.get(ctx.repoRoot);
  if (!paths) byRoot.set(ctx.repoRoot, (paths = listRepoPaths(all, ctx.repoRoot)));
  // Copies: callers may sort or filter what they get.
  return { directories: [...paths.directories], files: [...paths.files] };
}

function listRepoPaths(all: readonly string[], repoRoot: string): { directories: string[]; files: string[] } {
  const directories = new Set<string>();
  const files: string[] = [];
  for (const file of all) {
    const rel = relativePath(repoRoot, file);
    if (rel.startsWith('../') || rel === '') continue;
    files.push(rel);
    const segments = rel.split('/');
    for (let i = 1; i < segments.length; i++) {
      if (segments[i - 1].startsWith('.')) break;
      directories.add(segments.slice(0, i).join('/'));
    }
  }
  // filepath.Walk order: segment by segment.
  const bySegments = (a: string, b: string): number => {
    const x = a.split('/');
    const y = b.split('/');
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return x.length - y.length;
  };
  return { directories: [...directories].sort(bySegments), files: files.sort() };
}

/** Go's path.Match: `*` and `?` stay within one segment; no braces, extglobs or negation. */
function pathMatch(pattern: string): (path: string) => boolean {
  const matcher = compileGlob(pattern, 'gopath');
  return (path) => matcher.test(path);
}

/** An excluded folder stays out whatever the order of the entries (filterApps). */
function matchDirectories(entries: unknown[], all: string[]): string[] {
  const items = entries.map((e) => asRecord(e) ?? {}).filter((e) => typeof e.path === 'string');
  const include = items.filter((e) => e.exclude !== true).map((e) => pathMatch(e.path as string));
  const exclude = items.filter((e) => e.exclude === true).map((e) => pathMatch(e.path as string));
  return all.filter((dir) => include.some((m) => m(dir)) && !exclude.some((m) => m(dir)));
}

function directoryParams(dir: string, prefix: string, ctx: GeneratorContext): Params {
  const base = baseName(dir);
  if (ctx.mode.goTemplate) {
    const path = { path: dir, basename: base, basenameNormalized: sanitizeName(base), segments: dir.split('/') };
    return prefix ? { [prefix]: { path } } : { path };
  }
  return flatPathParams(dir, prefix, {});
}

function flatPathParams(dir: string, prefix: string, extra: Record<string, string>): Params {
  const name = prefix ? `${prefix}.path` : 'path';
  const params: Params = { [name]: dir, [`${name}.basename`]: baseName(dir), [`${name}.basenameNormalized`]: sanitizeName(baseName(dir)) };
  for (const [key, value] of Object.entries(extra)) params[`${name}.${key}`] = value;
  dir.split('/').forEach((segment, i) => {
    if (segment !== '') params[`${name}[${i}]`] = segment;
  });
  return params;
}

/** Include patterns are unioned, then every file an exclude pattern matches is dropped; files in path order. */
function fileParams(entries: unknown[], path: FieldPath, prefix: string, values: Record<string, unknown>, ctx: GeneratorContext): Params[] {
  const { files } = repoPaths(ctx);
  const items = entries.map((e) => asRecord(e) ?? {}).filter((e) => typeof e.path === 'string');
  const matcher = (pattern: string): ((f: string) => boolean) => (ctx.newGitFileGlobbing ? globTest(pattern, 'paths') : gitPathspec(pattern));
  const include = items.filter((e) => e.exclude !== true).map((e) => matcher(e.path as string));
  const exclude = items.filter((e) => e.exclude === true).map((e) => matcher(e.path as string));
  const chosen = files.filter((f) => include.some((m) => m(f)) && !exclude.some((m) => m(f)));
  const result: Params[] = [];
  for (const file of chosen) {
    for (const object of readParamFile(file, ctx, path)) result.push(withValues(fileObjectParams(file, object, prefix, ctx), values, ctx, path));
  }
  return result;
}

/** `git ls-files -- <pattern>`: a literal pathspec matches the file or a folder above it; wildcards match across `/`. */
function gitPathspec(pattern: string): (file: string) => boolean {
  const literal = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  if (!/[*?[\\]/.test(literal)) return (file) => file === literal || file.startsWith(`${literal}/`);
  return globTest(literal, 'pathspec');
}

function globTest(pattern: string, dialect: GlobDialect): (path: string) => boolean {
  const matcher = compileGlob(pattern, dialect);
  return (path) => matcher.test(path);
}

function readParamFile(file: string, ctx: GeneratorContext, path: FieldPath): Record<string, unknown>[] {
  const text = ctx.readFile(`${ctx.repoRoot}/${file}`) ?? '';
  let value: unknown;
  try {
    value = parse(text, { version: '1.2', logLevel: 'error' });
  } catch (e) {
    throw new GeneratorError(`unable to process file '${file}': ${(e as Error).message.split('\n')[0]}`, path);
  }
  if (value === null || value === undefined) return [{}];
  if (Array.isArray(value) && value.every((v) => asRecord(v))) return value as Record<string, unknown>[];
  const single = asRecord(value);
  if (single) return [single];
  throw new GeneratorError(`unable to process file '${file}': it is neither an object nor a list of objects`, path);
}

function fileObjectParams(file: string, object: Record<string, unknown>, prefix: string, ctx: GeneratorContext): Params {
  const dir = dirName(file);
  const filename = baseName(file);
  if (ctx.mode.goTemplate) {
    const pathParam = { path: dir, basename: baseName(dir), filename, basenameNormalized: sanitizeName(baseName(dir)), filenameNormalized: sanitizeName(filename), segments: dir.split('/') };
    return { ...object, ...(prefix ? { [prefix]: { path: pathParam } } : { path: pathParam }) };
  }
  const flat: Params = {};
  flatten(object, '', flat);
  return { ...flat, ...flatPathParams(dir, prefix, { filename, filenameNormalized: sanitizeName(filename) }) };
}

/** jeremywohl/flatten DotStyle: nested keys joined with `.`, list items by index; leaves printed with `%v`. */
function flatten(value: unknown, prefix: string, into: Params): void {
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(asRecord(value) ?? {});
  for (const [key, item] of entries) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (item !== null && typeof item === 'object' && Object.keys(item).length > 0) flatten(item, name, into);
    else into[name] = goString(item);
  }
}

/** Generator `values`, each rendered against the generator's own parameters (appendTemplatedValues). */
export function withValues(params: Params, values: Record<string, unknown>, ctx: GeneratorContext, path: FieldPath): Params {
  const rendered: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    rendered[key] = replaceString(typeof value === 'string' ? value : goString(value), params, ctx.mode, [...path, 'values', key]);
  }
  if (Object.keys(rendered).length === 0) return params;
  if (ctx.mode.goTemplate) return { ...params, values: rendered };
  return { ...params, ...Object.fromEntries(Object.entries(rendered).map(([k, v]) => [`values.${k}`, v])) };
}

function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}
