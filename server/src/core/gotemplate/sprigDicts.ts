/**
 * Sprig's dict functions (dict.go). Dicts are shared references as in Go: set/unset/merge change their first
 * argument in place. keys/values return Go's random map order; here they follow sorted keys (deterministic).
 */
import { fn, FuncError, FuncMap } from './funcTypes';
import { deepCopy, empty, strval } from './sprigShared';
import { GoMap, isMap, typeName } from './values';

const has = (d: GoMap, k: string): boolean => Object.prototype.hasOwnProperty.call(d, k);

/** A map[string]interface {} argument (the executor checked the type); nil is Go's nil map: empty, read-only. */
function asDict(v: unknown): GoMap {
  if (v === null || v === undefined) return Object.freeze({}) as GoMap;
  if (!isMap(v)) throw new FuncError(`wrong type for value; expected map[string]interface {}; got ${typeName(v)}`);
  return v;
}

function writable(v: unknown): GoMap {
  const m = asDict(v);
  if (Object.isFrozen(m)) throw new FuncError('assignment to entry in nil map');
  return m;
}

function dict(...pairs: unknown[]): GoMap {
  const out: GoMap = {};
  for (let i = 0; i < pairs.length; i += 2) out[strval(pairs[i])] = i + 1 < pairs.length ? pairs[i + 1] : '';
  return out;
}

/** mergo.Merge's map rules (what Sprig's merge/mergeOverwrite call). */
function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const key of Object.keys(src)) {
    const s = src[key];
    const d = dst[key];
    if (s === null || s === undefined) {
      if (overwrite) dst[key] = null;
      continue;
    }
    if (isMap(s) && isMap(d)) {
      mergeInto(d, s, overwrite);
      continue;
    }
    if (overwrite || !has(dst, key) || empty(d)) dst[key] = s;
  }
}

const merge = (overwrite: boolean) => (dst: unknown, ...srcs: unknown[]): GoMap => {
  // mergo makes a map for a nil destination.
  const target = dst === null || dst === undefined ? {} : writable(dst);
  for (const src of srcs) mergeInto(target, asDict(src), overwrite);
  return target;
};

function dig(...args: unknown[]): unknown {
  if (args.length < 3) throw new FuncError('dig needs at least three arguments');
  const dictArg = asDict(args[args.length - 1]);
  const fallback = args[args.length - 2];
  const keys = args.slice(0, -2).map((k) => {
    if (typeof k !== 'string') throw new FuncError(`interface conversion: interface {} is ${typeName(k)}, not string`);
    return k;
  });
  let cur: GoMap = dictArg;
  for (let i = 0; i < keys.length; i++) {
    if (!has(cur, keys[i])) return fallback;
    const next = cur[keys[i]];
    if (i === keys.length - 1) return next;
    if (!isMap(next)) throw new FuncError(`interface conversion: interface {} is ${typeName(next)}, not map[string]interface {}`);
    cur = next;
  }
  return fallback;
}

export const sprigDictFuncs: FuncMap = {
  dict: fn(['any'], dict, true),
  get: fn(['map', 'string'], (d: unknown, k: string) => { const m = asDict(d); return has(m, k) ? m[k] : ''; }),
  set: fn(['map', 'string', 'any'], (d: unknown, k: string, v: unknown) => { const m = writable(d); m[k] = v; return m; }),
  unset: fn(['map', 'string'], (d: unknown, k: string) => { const m = asDict(d); delete m[k]; return m; }),
  hasKey: fn(['map', 'string'], (d: unknown, k: string) => has(asDict(d), k)),
  pluck: fn(['string', 'map'], (k: string, ...ds: unknown[]) => ds.map(asDict).filter((m) => has(m, k)).map((m) => m[k]), true),
  keys: fn(['map'], (...ds: unknown[]) => ds.flatMap((d) => Object.keys(asDict(d)).sort()), true),
  values: fn(['map'], (d: unknown) => { const m = asDict(d); return Object.keys(m).sort().map((k) => m[k]); }),
  pick: fn(['map', 'string'], (d: unknown, ...ks: string[]) => { const m = asDict(d); return Object.fromEntries(ks.filter((k) => has(m, k)).map((k) => [k, m[k]])); }, true),
  omit: fn(['map', 'string'], (d: unknown, ...ks: string[]) => { const m = asDict(d); return Object.fromEntries(Object.keys(m).filter((k) => !ks.includes(k)).map((k) => [k, m[k]])); }, true),
  merge: fn(['map', 'map'], merge(false), true),
  mustMerge: fn(['map', 'map'], merge(false), true),
  mergeOverwrite: fn(['map', 'map'], merge(true), true),
  mustMergeOverwrite: fn(['map', 'map'], merge(true), true),
  deepCopy: fn(['any'], (v: unknown) => { if (v === null) throw new FuncError('copy: nil'); return deepCopy(v); }),
  mustDeepCopy: fn(['any'], (v: unknown) => { if (v === null) throw new FuncError('copy: nil'); return deepCopy(v); }),
  dig: fn(['any'], dig, true),
};
