/** Template values as plain JSON-like values for the YAML/JSON printers. */
import { GoInt, isMap } from './values';

/** Converts template values to plain JSON values (GoInt becomes a number; undefined becomes null). */
export function toPlain(v: unknown): unknown {
  if (v instanceof GoInt) return Number(v.value);
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.map(toPlain);
  if (isMap(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, toPlain(v[k])]));
  return v;
}
