// Helm's value merging, ported from pkg/chartutil/coalesce.go and pkg/cli/values/options.go (v3.17).

import type { LoadedChart } from './chartLoader';

export type Values = Record<string, unknown>;

export function isTable(value: unknown): value is Values {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Deep copy of plain data (maps and lists); other values (numbers, GoInt, strings) are shared. */
export function copyValues<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyValues) as T;
  if (isTable(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyValues(v)])) as T;
  return value;
}

/** `-f` files and `--set` layers: `b` wins, maps merge recursively (cli/values mergeMaps). */
export function mergeMaps(a: Values, b: Values): Values {
  const out: Values = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    out[key] = isTable(value) && isTable(existing) ? mergeMaps(existing, value) : value;
  }
  return out;
}

/**
 * CoalesceValues: the user values over the chart's values.yaml, then each subchart's defaults under its name,
 * with `global` pushed down. A user `null` deletes the default (Helm's way to unset a key).
 */
export function coalesceValues(chart: LoadedChart, userValues: Values): Values {
  const values = copyValues(userValues);
  coalesce(chart, values);
  return values;
}

function coalesce(chart: LoadedChart, dest: Values): void {
  coalesceChartValues(chart, dest);
  for (const sub of chart.subcharts) {
    if (!isTable(dest[sub.name])) dest[sub.name] = {};
    const subValues = dest[sub.name] as Values;
    coalesceGlobals(subValues, dest);
    coalesce(sub, subValues);
  }
}

function coalesceChartValues(chart: LoadedChart, dest: Values): void {
  for (const [key, defaultValue] of Object.entries(copyValues(chart.values))) {
    if (!(key in dest)) dest[key] = defaultValue;
    else if (dest[key] === null) delete dest[key];
    else if (isTable(dest[key]) && isTable(defaultValue)) coalesceTables(dest[key] as Values, defaultValue);
  }
}

/** coalesceTablesFullKey: `dst` keeps its values, `src` fills the gaps; a `null` in `dst` deletes the key. */
export function coalesceTables(dst: Values, src: Values): Values {
  for (const [key, value] of Object.entries(src)) {
    if (key in dst && dst[key] === null) delete dst[key];
    else if (!(key in dst)) dst[key] = value;
    else if (isTable(dst[key]) && isTable(value)) coalesceTables(dst[key] as Values, value);
  }
  return dst;
}

/** The parent's `global` map is copied into the subchart's `global`; the parent's globals win, the subchart's fill gaps. */
function coalesceGlobals(dest: Values, src: Values): void {
  const destGlobal = isTable(dest.global) ? dest.global : {};
  const srcGlobal = isTable(src.global) ? src.global : {};
  for (const [key, value] of Object.entries(srcGlobal)) {
    if (isTable(value)) {
      const parentCopy = copyValues(value);
      destGlobal[key] = isTable(destGlobal[key]) ? mergeUnder(parentCopy, destGlobal[key] as Values) : parentCopy;
    } else if (!isTable(destGlobal[key])) destGlobal[key] = value;
  }
  dest.global = destGlobal;
}

/** coalesceTablesFullKey with merge=true: `dst` wins, `src` fills gaps, nulls are kept. */
function mergeUnder(dst: Values, src: Values): Values {
  for (const [key, value] of Object.entries(src)) {
    if (!(key in dst)) dst[key] = value;
    else if (isTable(dst[key]) && isTable(value)) mergeUnder(dst[key] as Values, value);
  }
  return dst;
}

/** Value at a dotted path (`a.b.c`), or undefined. */
export function valueAt(values: Values, path: string): unknown {
  let current: unknown = values;
  for (const part of path.split('.')) {
    if (!isTable(current) || !(part in current)) return undefined;
    current = current[part];
  }
  return current;
}

/** A map holding `value` at the dotted `path` (chartutil pathToMap). */
export function pathToMap(path: string, value: Values): Values {
  if (path === '' || path === '.') return value;
  return path.split('.').reverse().reduce<Values>((inner, part) => ({ [part]: inner }), value);
}
