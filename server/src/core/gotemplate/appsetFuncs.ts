/**
 * ApplicationSet's goTemplate function map (argo-cd applicationset/utils/utils.go): Sprig without env,
 * expandenv and getHostByName, plus normalize, slugify, toYaml, fromYaml and fromYamlArray.
 */
import { decodeGoYaml } from './goYaml';
import { fn, FuncError, FuncMap } from './funcTypes';
import { helmFuncs, toYaml } from './helmFuncs';
import { GoInt, isMap } from './values';

/** Helm-only names (pkg/engine/funcs.go) that Argo CD's map does not have. */
const HELM_ONLY = new Set(['include', 'tpl', 'required', 'lookup', 'mustToYaml', 'mustToToml', 'toToml', 'fromToml', 'toYamlPretty', 'fromJsonArray']);

/** argo-cd SanitizeName: lower case, [^-a-z0-9.] becomes '-', at most 253 bytes, '-' and '.' trimmed. */
export function sanitizeName(name: string): string {
  let s = name.toLowerCase().replace(/[^-a-z0-9.]/gu, '-');
  if (s.length > 253) s = s.slice(0, 253);
  return s.replace(/^[-.]+|[-.]+$/g, '');
}

/** argo-cd SlugifyName over gosimple/slug: `slugify [maxSize=50] [smartTruncate=true] name`. */
function slugify(...args: unknown[]): string {
  let maxSize = 50;
  let smart = true;
  let name = '';
  args.forEach((arg, i) => {
    if (i === args.length - 1) {
      if (typeof arg !== 'string') throw new FuncError(`interface conversion: interface {} is not string`);
      name = arg;
    } else if (i === 0) {
      if (!(arg instanceof GoInt)) throw new FuncError(`interface conversion: interface {} is not int`);
      maxSize = Number(arg.value);
    } else if (i === 1) {
      if (typeof arg !== 'boolean') throw new FuncError(`interface conversion: interface {} is not bool`);
      smart = arg;
    }
  });
  // slug.Make: characters outside [a-z0-9-_] become '-', runs of '-' collapse, '-' and '_' trimmed.
  let slug = sanitizeName(name).replace(/[^a-z0-9-_]/g, '-').replace(/-+/g, '-').replace(/^[-_]+|[-_]+$/g, '');
  if (maxSize > 0 && slug.length > maxSize) {
    if (!smart) slug = slug.slice(0, maxSize);
    else {
      let cut = maxSize;
      while (cut >= 0 && slug[cut] !== '-') cut--;
      slug = cut >= 0 ? slug.slice(0, cut) : slug.slice(0, maxSize);
    }
  }
  return slug;
}

/** Argo CD's fromYaml/fromYamlArray return the parse error instead of Helm's `Error` key. */
function fromYamlAs<T>(want: (v: unknown) => v is T, goType: string) {
  return (text: string): T => {
    const decoded = decodeGoYaml(text);
    if ('error' in decoded) throw new FuncError(decoded.error);
    const v = decoded.value;
    if (v === null || v === undefined) return (goType === 'map' ? {} : []) as T;
    if (!want(v)) throw new FuncError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal into Go value of type ${goType === 'map' ? 'map[string]interface {}' : '[]interface {}'}`);
    return v;
  };
}

export const applicationSetFuncs: FuncMap = {
  ...Object.fromEntries(Object.entries(helmFuncs).filter(([name]) => !HELM_ONLY.has(name))),
  normalize: fn(['string'], sanitizeName),
  slugify: fn(['any'], slugify, true),
  toYaml: fn(['any'], toYaml),
  fromYaml: fn(['string'], fromYamlAs(isMap, 'map')),
  fromYamlArray: fn(['string'], fromYamlAs(Array.isArray, 'list')),
};
