// POSIX path helpers for the core. The core only ever sees absolute POSIX paths.
import * as posix from 'node:path/posix';

export const joinPath = posix.join;
export const dirnameOf = posix.dirname;
export const basenameOf = posix.basename;
export const normalizePath = posix.normalize;
export const resolvePath = (base: string, rel: string): string => posix.resolve(base, rel);

/** Path of `target` relative to `from`, POSIX, "." when equal. */
export function relativePath(from: string, target: string): string {
  const rel = posix.relative(from, target);
  return rel === '' ? '.' : rel;
}

/** True when `path` is `dir` itself or lies below it. */
export function isInside(dir: string, path: string): boolean {
  const a = normalizeFolder(dir);
  const b = normalizeFolder(path);
  return a === b || a === '/' || b.startsWith(`${a}/`);
}

/** Cheap normalization for the hot path: only calls into `path` when the input is not already canonical. */
function normalizeFolder(path: string): string {
  const canonical = path.length > 1 && !path.endsWith('/') && !path.includes('/./') && !path.includes('/../') && !path.includes('//');
  return canonical ? path : posix.normalize(path).replace(/(.)\/$/, '$1');
}

export function isYamlFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}
