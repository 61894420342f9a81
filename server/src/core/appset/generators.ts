// Turns one ApplicationSet generator into parameter sets (argo-cd generator_spec_processor.go Transform,
// list.go, matrix.go, merge.go). Generators that need a live system raise NotOffline.

import { parse } from 'yaml';
import { clusterParams } from './clusterGenerator';
import { goString } from './fasttemplate';
import { asRecord, GeneratorError, NotOffline, type GeneratorContext, type TransformResult } from './generatorTypes';
import { gitParams } from './gitGenerator';
import { labelSelector, stringParams } from './selector';
import { renderTree, replaceString, type FieldPath, type Params } from './templateRender';
import { lookupTable } from '../ownKeys';

/** Generators whose parameters come from outside the repository, and what each needs. */
const LIVE_GENERATORS: Readonly<Record<string, string>> = lookupTable({
  pullRequest: 'its pullRequest generator lists open pull requests through the SCM API',
  scmProvider: 'its scmProvider generator lists repositories through the SCM API',
  clusterDecisionResource: "its clusterDecisionResource generator reads a live resource's status",
  plugin: 'its plugin generator calls an external plugin service',
});
const KNOWN = new Set(['list', 'clusters', 'git', 'matrix', 'merge', ...Object.keys(LIVE_GENERATORS)]);
/** Stop before a hostile matrix multiplies into millions of Applications. */
export const MAX_PARAM_SETS = 10000;
/** Argo CD allows one level of matrix or merge inside a matrix or merge. */
const MAX_NESTING = 2;

export function transform(generator: Record<string, unknown>, path: FieldPath, ctx: GeneratorContext, interpolation: Params = {}, depth = 0): TransformResult[] {
  const keys = Object.keys(generator).filter((k) => KNOWN.has(k) && generator[k] !== null && generator[k] !== undefined);
  const results: TransformResult[] = [];
  const matches = labelSelector(generator.selector, [...path, 'selector']);
  for (const key of keys) {
    const own = Object.keys(interpolation).length > 0 ? interpolate(generator[key], interpolation, ctx, [...path, key]) : generator[key];
    const spec = asRecord(own) ?? {};
    if ((key === 'matrix' || key === 'merge') && depth >= MAX_NESTING) {
      throw new GeneratorError(`a ${key} generator nested more than one level inside matrix or merge is not supported`, [...path, key]);
    }
    const params = generate(key, spec, [...path, key], ctx, depth);
    const kept = generator.selector === undefined || generator.selector === null ? params : params.filter((p) => matches(stringParams(p)));
    results.push({ params: kept, template: asRecord(spec.template), path: [...path, key] });
  }
  return results;
}

function generate(key: string, spec: Record<string, unknown>, path: FieldPath, ctx: GeneratorContext, depth: number): Params[] {
  if (LIVE_GENERATORS[key]) throw new NotOffline(LIVE_GENERATORS[key], path);
  switch (key) {
    case 'list':
      return listParams(spec, path, ctx);
    case 'git':
      return gitParams(spec, path, ctx);
    case 'clusters':
      return clusterParams(spec, path, ctx);
    case 'matrix':
      return matrixParams(spec, path, ctx, depth + 1);
    default:
      return mergeParams(spec, path, ctx, depth + 1);
  }
}

/** Matrix's 2nd child sees each parameter set of the 1st (RenderGeneratorParams); `values` fall back to their text. */
function interpolate(value: unknown, params: Params, ctx: GeneratorContext, path: FieldPath): unknown {
  const spec = asRecord(value);
  const { values, ...rest } = spec ?? {};
  const rendered = renderTree(spec ? rest : value, params, ctx.mode, path, []);
  const renderedValues = asRecord(values);
  if (!spec || !renderedValues) return rendered;
  const strictMode = { ...ctx.mode, missingKey: 'error' as const };
  const kept = Object.fromEntries(Object.entries(renderedValues).map(([k, v]) => {
    if (typeof v !== 'string') return [k, v];
    try {
      return [k, replaceString(v, params, strictMode)];
    } catch {
      return [k, v];
    }
  }));
  return { ...(rendered as Record<string, unknown>), values: kept };
}

/** `elements` (in fasttemplate mode each value must be a string; `values` becomes `values.<key>`), then `elementsYaml`. */
function listParams(spec: Record<string, unknown>, path: FieldPath, ctx: GeneratorContext): Params[] {
  const result: Params[] = [];
  (Array.isArray(spec.elements) ? spec.elements : []).forEach((element, i) => {
    const item = asRecord(element);
    if (!item) throw new GeneratorError('error unmarshling element: a list element must be an object', [...path, 'elements', i]);
    result.push(ctx.mode.goTemplate ? item : flatElement(item, [...path, 'elements', i]));
  });
  if (typeof spec.elementsYaml === 'string' && spec.elementsYaml.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = parse(spec.elementsYaml, { version: '1.2', logLevel: 'error' });
    } catch (e) {
      throw new GeneratorError(`error unmarshling decoded ElementsYaml: ${(e as Error).message.split('\n')[0]}`, [...path, 'elementsYaml']);
    }
    if (!Array.isArray(parsed) || !parsed.every((p) => asRecord(p))) {
      throw new GeneratorError('error unmarshling decoded ElementsYaml: it is not a list of objects', [...path, 'elementsYaml']);
    }
    result.push(...(parsed as Params[]));
  }
  return result;
}

function flatElement(item: Record<string, unknown>, path: FieldPath): Params {
  const params: Params = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'values') {
      const values = asRecord(value);
      if (!values) throw new GeneratorError('error parsing values map', [...path, key]);
      for (const [k, v] of Object.entries(values)) {
        if (typeof v !== 'string') throw new GeneratorError(`error parsing value as string ${goString(v)}`, [...path, key, k]);
        params[`values.${k}`] = v;
      }
    } else if (typeof value !== 'string') {
      throw new GeneratorError(`error parsing value as string ${goString(value)} (key ${key}; without goTemplate every element value must be a string)`, [...path, key]);
    } else {
      params[key] = value;
    }
  }
  return params;
}

/** A child of matrix or merge gives one TransformResult; its own template is not used. */
function childParams(child: unknown, path: FieldPath, ctx: GeneratorContext, depth: number, interpolation?: Params): Params[] {
  const results = transform(asRecord(child) ?? {}, path, ctx, interpolation, depth);
  if (results.length === 0) throw new GeneratorError('child generator generated no parameters', path);
  if (results.length > 1) throw new GeneratorError('found more than one generator in a matrix or merge child', path);
  return results[0].params;
}

function matrixParams(spec: Record<string, unknown>, path: FieldPath, ctx: GeneratorContext, depth: number): Params[] {
  const children = Array.isArray(spec.generators) ? spec.generators : [];
  if (children.length !== 2) throw new GeneratorError(`the matrix generator needs exactly 2 child generators, found ${children.length}`, [...path, 'generators']);
  const result: Params[] = [];
  for (const a of childParams(children[0], [...path, 'generators', 0], ctx, depth)) {
    for (const b of childParams(children[1], [...path, 'generators', 1], ctx, depth, a)) {
      if (result.length >= MAX_PARAM_SETS) throw new NotOffline(`it generates more than ${MAX_PARAM_SETS} parameter sets; SyncPlan stops there`, path);
      result.push(ctx.mode.goTemplate ? deepMerge(deepMerge({}, b), a) : combineStringMaps(a, b, path));
    }
  }
  return result;
}

/** mergo.Merge(WithOverride): maps merge key by key, anything else from `override` replaces. */
function deepMerge(base: Params, override: Params): Params {
  const out: Params = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const left = asRecord(out[key]);
    const right = asRecord(value);
    out[key] = left && right ? deepMerge(left, right) : value;
  }
  return out;
}

/** utils.CombineStringMaps: a key both sides set to different strings is an error. */
function combineStringMaps(a: Params, b: Params, path: FieldPath): Params {
  const out: Params = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, goString(v)]));
  for (const [key, value] of Object.entries(b)) {
    const text = goString(value);
    if (key in out && out[key] !== text) {
      throw new GeneratorError(`found duplicate key ${key} with different value, a: ${String(out[key])} ,b: ${text}`, path);
    }
    out[key] = text;
  }
  return out;
}

/** A left join on the first child by `mergeKeys`; later children override matching sets. */
function mergeParams(spec: Record<string, unknown>, path: FieldPath, ctx: GeneratorContext, depth: number): Params[] {
  const children = Array.isArray(spec.generators) ? spec.generators : [];
  if (children.length < 2) throw new GeneratorError('the merge generator needs at least 2 child generators', [...path, 'generators']);
  const mergeKeys = [...new Set((Array.isArray(spec.mergeKeys) ? spec.mergeKeys : []).map(String))].sort();
  if (mergeKeys.length === 0) throw new GeneratorError('the merge generator has no mergeKeys', path);
  const sets = children.map((child, i) => childParams(child, [...path, 'generators', i], ctx, depth));
  const base = byMergeKey(sets[0], mergeKeys, path);
  for (const other of sets.slice(1)) {
    const overrides = byMergeKey(other, mergeKeys, path);
    for (const [key, set] of base) {
      const override = overrides.get(key);
      if (!override) continue;
      base.set(key, ctx.mode.goTemplate ? deepMerge(set, override) : { ...stringify(set), ...stringify(override) });
    }
  }
  // Argo CD returns them in Go map order (random); the set of Applications is what matters.
  return [...base.values()];
}

function byMergeKey(sets: Params[], mergeKeys: string[], path: FieldPath): Map<string, Params> {
  const map = new Map<string, Params>();
  for (const set of sets) {
    const key = JSON.stringify(Object.fromEntries(mergeKeys.map((k) => [k, set[k] ?? null])));
    if (map.has(key)) throw new GeneratorError(`param set is not unique by merge keys. Duplicate key was ${key}`, path);
    map.set(key, set);
  }
  return map;
}

function stringify(params: Params): Params {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, goString(v)]));
}

