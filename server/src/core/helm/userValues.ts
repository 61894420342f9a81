// The values Argo CD hands to `helm template`: `--values` files in order (relative to the chart, `$ref/...` into
// another source, globs since v3.5), then values/valuesObject, then `--set`, `--set-string`, `--set-file`
// (repository.go getResolvedValueFiles, util/helm/cmd.go template; Helm cli/values MergeValues).

import { compileGlob } from '../glob/linearGlob';
import { parseHelmYaml } from '../parse/yamlValueMemo';
import { GoInt } from '../gotemplate';
import { isInside, joinPath, normalizePath } from '../paths';
import type { FileHost } from '../types';
import { isTable, mergeMaps, type Values } from './coalesce';
import type { HelmSourceOptions } from './helmSourceOptions';
import { parseSetInto } from './setValues';

export interface ValueContext {
  host: FileHost;
  /** Workspace files, for glob value files. */
  files: readonly string[];
  /** Repository root (the workspace root). */
  repoRoot: string;
  chartDir: string;
  /** `ref` name of each other source: its repository root in the workspace, or undefined when it is another repository. */
  refs: ReadonlyMap<string, string | undefined>;
  /** `$ARGOCD_APP_*` variables substituted in value file paths and parameters. */
  env: Readonly<Record<string, string>>;
}

export interface UserValuesResult {
  values: Values;
  filesRead: string[];
  /** What makes `helm template` fail (a missing value file, an invalid one, a bad --set), with the entry it is about. */
  errors: { message: string; valueFile?: number }[];
  /** What cannot be read offline (remote or other-repository value files). */
  unresolvable: string[];
}

export function userValues(ctx: ValueContext, options: HelmSourceOptions): UserValuesResult {
  const result: UserValuesResult = { values: {}, filesRead: [], errors: [], unresolvable: [] };
  options.valueFiles.forEach((raw, index) => {
    for (const path of resolveValueFile(ctx, raw, index, options.ignoreMissingValueFiles, result)) {
      const text = ctx.host.readFile(path);
      result.filesRead.push(path);
      if (text === undefined) {
        result.errors.push({ message: `open ${path}: no such file or directory`, valueFile: index });
        continue;
      }
      mergeYaml(result, text, `failed to parse ${path}`, index);
    }
  });
  if (typeof options.values === 'string') mergeYaml(result, options.values, 'failed to parse values');
  else if (isTable(options.values)) result.values = mergeMaps(result.values, options.values);
  const makeInt = (digits: string): GoInt => new GoInt(BigInt(digits));
  for (const p of options.parameters.filter((q) => !q.forceString)) applySet(result, `${p.name}=${cleanSetParameter(envsubst(ctx, p.value))}`, { makeInt });
  for (const p of options.parameters.filter((q) => q.forceString)) applySet(result, `${p.name}=${cleanSetParameter(envsubst(ctx, p.value))}`, { asString: true });
  for (const p of options.fileParameters) {
    const [path] = resolveValueFile(ctx, p.path, undefined, false, result);
    const text = path === undefined ? undefined : ctx.host.readFile(path);
    if (path !== undefined) result.filesRead.push(path);
    if (text === undefined) {
      if (path !== undefined) result.errors.push({ message: `open ${path}: no such file or directory` });
      continue;
    }
    const marker = '\u0000syncplan-set-file\u0000';
    applySet(result, `${p.name}=${marker}`, { asString: true });
    result.values = replaceMarker(result.values, marker, text) as Values;
  }
  return result;
}

function applySet(result: UserValuesResult, text: string, options: Parameters<typeof parseSetInto>[2]): void {
  try {
    parseSetInto(text, result.values, options);
  } catch (e) {
    result.errors.push({ message: `failed parsing --set data: ${e instanceof Error ? e.message : String(e)}` });
  }
}

function mergeYaml(result: UserValuesResult, text: string, label: string, valueFile?: number): void {
  try {
    const parsed = parseHelmYaml(text) as unknown;
    if (parsed === null || parsed === undefined) return;
    if (!isTable(parsed)) throw new Error('not a YAML map');
    result.values = mergeMaps(result.values, parsed);
  } catch (e) {
    result.errors.push({ message: `${label}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`, valueFile });
  }
}

/** One value file entry to absolute paths: a `$ref/...` path, a path relative to the chart (or `/` = repository root), or a glob. */
function resolveValueFile(ctx: ValueContext, raw: string, index: number | undefined, ignoreMissing: boolean, result: UserValuesResult): string[] {
  let path: string;
  const ref = /^\$([^/]+)\/(.*)$/.exec(raw);
  if (ref && ctx.refs.has(ref[1])) {
    const root = ctx.refs.get(ref[1]);
    if (root === undefined) {
      result.unresolvable.push(`Value file ${raw} is in another repository, which is not in this workspace.`);
      return [];
    }
    path = normalizePath(joinPath(root, envsubst(ctx, ref[2])));
  } else {
    const file = envsubst(ctx, raw);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) {
      result.unresolvable.push(`Value file ${file} is fetched from the network, which SyncPlan does not do.`);
      return [];
    }
    path = normalizePath(file.startsWith('/') ? joinPath(ctx.repoRoot, file) : joinPath(ctx.chartDir, file));
  }
  if (!isInside(ctx.repoRoot, path)) {
    result.errors.push({ message: `value file ${raw} resolved to outside repository root`, valueFile: index });
    return [];
  }
  if (/[*?[{]/.test(path)) {
    // Argo CD >= 3.5 expands globs (doublestar), in lexical order; no match is like a missing file.
    const matcher = compileGlob(path, 'paths');
    const found = ctx.files.filter((f) => matcher.test(f)).sort();
    if (found.length === 0 && !ignoreMissing) result.errors.push({ message: `open ${path}: no such file or directory`, valueFile: index });
    return found;
  }
  if (ignoreMissing && ctx.host.readFile(path) === undefined) return [];
  return [path];
}

function envsubst(ctx: ValueContext, text: string): string {
  return text.replace(/\$\{?(ARGOCD_[A-Z_]+)\}?/g, (whole, name: string) => ctx.env[name] ?? whole);
}

/** Argo CD escapes unescaped commas of a parameter value, unless it is a `{a,b}` list (cmd.go cleanSetParameters). */
export function cleanSetParameter(value: string): string {
  if (value.startsWith('{') && value.endsWith('}')) return value;
  return value.replace(/(^|[^\\]),/g, '$1\\,').replace(/(^|[^\\]),/g, '$1\\,');
}

function replaceMarker(value: unknown, marker: string, text: string): unknown {
  if (value === marker) return text;
  if (Array.isArray(value)) return value.map((v) => replaceMarker(v, marker, text));
  if (isTable(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceMarker(v, marker, text)]));
  return value;
}
