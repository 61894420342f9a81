// POSIX path helpers for the core. The core only ever sees absolute POSIX paths.
import * as posix from 'node:path/posix';

export const joinPath = posix.join;
export const dirnameOf = posix.dirname;
export const basenameOf = posix.basename;
export const normalizePath = posix.normalize;
export const resolvePath = (base: string, rel: string): string => posix.resolve(base, rel);

/** Path of `target` relative to `from`, POSIX, "." when equal. */
export function relativePath(from: string, target: string): string {
  // The common case, a canonical absolute path below a canonical absolute folder, without posix.relative
  // (which resolves and splits both paths): the rest of the path after the folder.
  if (target.length > from.length + 1 && target[from.length] === '/' && target.startsWith(from) && isCanonicalAbsolute(from) && isCanonicalAbsolute(target)) {
    return target.slice(from.length + 1);
  }
  const rel = posix.relative(from, target);
  return rel === '' ? '.' : rel;
}

/** True when `path` is `dir` itself or lies below it. */
export function isInside(dir: string, path: string): boolean {
  const a = normalizeFolder(dir);
  const b = normalizeFolder(path);
  return a === b || a === '/' || b.startsWith(`${a}/`);
}

/** Absolute, no `.` or `..` segment, no empty segment, no trailing slash: what posix.normalize leaves as is. */
function isCanonicalAbsolute(path: string): boolean {
  return path.length > 1 && path[0] === '/' && !path.endsWith('/') && !path.includes('//') && !/\/\.\.?(?:\/|$)/.test(path);
}

/** Cheap normalization for the hot path: only calls into `path` when the input is not already canonical. */
function normalizeFolder(path: string): string {
  const canonical = path.length > 1 && !path.endsWith('/') && !path.includes('/./') && !path.includes('/../') && !path.includes('//');
  return canonical ? path : posix.normalize(path).replace(/(.)\/$/, '$1');
}

export function isYamlFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}
