// Inputs for the helm differential test: the values as helm receives them, and the data helm gives templates.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GO_TYPE_NAME, GoInt } from '../../../server/src/core/gotemplate';

const isPlainMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoInt);

function containsInt(v: unknown): boolean {
  if (v instanceof GoInt) return true;
  if (Array.isArray(v)) return v.some(containsInt);
  if (isPlainMap(v)) return Object.values(v).some(containsInt);
  return false;
}

/** strvals key syntax: `.`, `[`, `=`, `,` and `\` are escaped with a backslash. */
const escapeKey = (k: string): string => k.replace(/[.[\]=,\\]/g, (c) => '\\' + c);

/** One flag per leaf: ints with --set (int64), strings with --set-string, the rest as JSON (float64, bool, null). */
function setArgs(path: string, v: unknown, out: string[]): void {
  if (v instanceof GoInt) out.push('--set', `${path}=${v.value}`);
  else if (typeof v === 'string') out.push('--set-string', `${path}=${v.replace(/[\\,]/g, (c) => '\\' + c)}`);
  else if (Array.isArray(v) && v.length > 0) v.forEach((e, i) => setArgs(`${path}[${i}]`, e, out));
  else if (isPlainMap(v) && Object.keys(v).length > 0) for (const [k, e] of Object.entries(v)) setArgs(`${path}.${escapeKey(k)}`, e, out);
  else out.push('--set-json', `${path}=${JSON.stringify(v)}`);
}

/**
 * Writes `values.yaml` as JSON (so every key stays a string and every number a float64, as in a real values
 * file) and returns `--set*` flags for the top-level keys whose subtree holds Go ints, which only `--set` makes.
 */
export function valuesArgs(values: Record<string, unknown>, chartDir: string): string[] {
  const file: Record<string, unknown> = {};
  const args: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    if (containsInt(v)) setArgs(escapeKey(k), v, args);
    else file[k] = v;
  }
  writeFileSync(join(chartDir, 'values.yaml'), JSON.stringify(file, null, 1) + '\n');
  return args;
}

/** The top-level object helm gives a template of the oracle chart (release `release`, namespace `ns`). */
export function helmLikeData(values: Record<string, unknown>, templateName: string): Record<string, unknown> {
  const sub = /^chart\/charts\/([^/]+)\//.exec(templateName)?.[1];
  const chartValues = sub ? ((values[sub] ?? {}) as Record<string, unknown>) : values;
  return {
    [GO_TYPE_NAME]: 'chartutil.Values',
    Values: { ...chartValues, [GO_TYPE_NAME]: 'chartutil.Values' },
    Release: { Name: 'release', Namespace: 'ns', IsInstall: true, IsUpgrade: false, Revision: new GoInt(1n), Service: 'Helm' },
    Chart: { Name: sub ?? 'chart', Version: '0.1.0', APIVersion: 'v2' },
    Template: { Name: templateName, BasePath: sub ? `chart/charts/${sub}/templates` : 'chart/templates' },
    Subcharts: {},
  };
}
