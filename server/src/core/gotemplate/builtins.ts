/** Go text/template's predefined functions (funcs.go): not, eq..ge, index, slice, len, print*, html, js, urlquery. */
import { formatValue, sprint, sprintf, sprintln } from './fmt';
import { fn, FuncError, FuncMap } from './funcTypes';
import { basicKind, GoInt, isMap, isTrue, typeName } from './values';

/** Go's eq/ne/lt rules: same basic kind, or int against uint; otherwise "incompatible types for comparison". */
function compareBasic(a: unknown, b: unknown, ordered: boolean): number {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === undefined || kb === undefined || (ordered && (ka === 'bool' || ka === 'nil'))) {
    if (!ordered && (ka === undefined || kb === undefined)) {
      if (ka === 'nil' || kb === 'nil') return a === b || (a == null && b == null) ? 0 : 1;
      throw new FuncError('non-comparable type ' + formatValue(ka === undefined ? a : b) + ': ' + typeName(ka === undefined ? a : b));
    }
    throw new FuncError('invalid type for comparison');
  }
  if (ka !== kb) {
    if (!ordered && (ka === 'nil' || kb === 'nil')) return 1;
    throw new FuncError('incompatible types for comparison');
  }
  switch (ka) {
    case 'nil': return 0;
    case 'bool': return a === b ? 0 : 1;
    case 'int': {
      const x = (a as GoInt).value;
      const y = (b as GoInt).value;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'float': return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : (a as number) === (b as number) ? 0 : NaN;
    default: return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  }
}

function eq(arg1: unknown, ...rest: unknown[]): boolean {
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  return rest.some((b) => compareBasic(arg1, b, false) === 0);
}

function indexOf(item: unknown, ...indexes: unknown[]): unknown {
  let v = item;
  for (const ix of indexes) {
    if (v === undefined || v === null) throw new FuncError('index of untyped nil');
    if (Array.isArray(v) || typeof v === 'string') {
      if (ix === null || ix === undefined) throw new FuncError('cannot index slice/array with nil');
      if (!(ix instanceof GoInt)) throw new FuncError(`cannot index slice/array with type ${typeName(ix)}`);
      const i = Number(ix.value);
      if (i < 0 || i >= v.length) throw new FuncError(`index out of range: ${i}`);
      v = typeof v === 'string' ? new GoInt(BigInt(Buffer.from(v, 'utf8')[i])) : v[i];
    } else if (isMap(v)) {
      if (typeof ix !== 'string') throw new FuncError(`value has type ${typeName(ix)}; should be string`);
      v = Object.prototype.hasOwnProperty.call(v, ix) ? v[ix] : null;
    } else throw new FuncError(`can't index item of type ${typeName(v)}`);
  }
  return v;
}

function sliceOf(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  if (!Array.isArray(item) && typeof item !== 'string') throw new FuncError(`can't slice item of type ${typeName(item)}`);
  if (typeof item === 'string' && indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
  const idx = indexes.map((x) => {
    if (!(x instanceof GoInt)) throw new FuncError(`cannot index slice/array with type ${typeName(x)}`);
    return Number(x.value);
  });
  const len = item.length;
  const [i = 0, j = len] = idx;
  if (i < 0 || i > len) throw new FuncError(`index out of range: ${i}`);
  if (j < i || j > len) throw new FuncError(`invalid slice index: ${i} > ${j}`);
  return item.slice(i, j);
}

function length(item: unknown): GoInt {
  if (item === undefined || item === null) throw new FuncError('len of nil pointer');
  if (typeof item === 'string') return new GoInt(BigInt(Buffer.byteLength(item, 'utf8')));
  if (Array.isArray(item)) return new GoInt(BigInt(item.length));
  if (isMap(item)) return new GoInt(BigInt(Object.keys(item).length));
  throw new FuncError(`len of type ${typeName(item)}`);
}

const HTML: Record<string, string> = { '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;', '\0': '\uFFFD' };

export const builtinFuncs: FuncMap = {
  // and/or short-circuit, so the executor evaluates them itself; these entries serve calls through pipelines' names.
  and: fn(['any', 'any'], (...a: unknown[]) => a.find((v) => !isTrue(v)) ?? a[a.length - 1], true),
  or: fn(['any', 'any'], (...a: unknown[]) => a.find((v) => isTrue(v)) ?? a[a.length - 1], true),
  not: fn(['any'], (v: unknown) => !isTrue(v)),
  eq: fn(['any', 'any'], eq, true),
  ne: fn(['any', 'any'], (a: unknown, b: unknown) => compareBasic(a, b, false) !== 0),
  lt: fn(['any', 'any'], (a: unknown, b: unknown) => compareBasic(a, b, true) < 0),
  le: fn(['any', 'any'], (a: unknown, b: unknown) => compareBasic(a, b, true) <= 0),
  gt: fn(['any', 'any'], (a: unknown, b: unknown) => compareBasic(a, b, true) > 0),
  ge: fn(['any', 'any'], (a: unknown, b: unknown) => compareBasic(a, b, true) >= 0),
  index: fn(['any', 'any'], indexOf, true),
  slice: fn(['any', 'any'], sliceOf, true),
  len: fn(['any'], length),
  call: fn(['any', 'any'], (f: unknown, ...args: unknown[]) => {
    if (typeof f !== 'function') throw new FuncError(`non-function ${formatValue(f)} of type ${typeName(f)}`);
    return (f as (...a: unknown[]) => unknown)(...args);
  }, true),
  print: fn(['any'], (...a: unknown[]) => sprint(a), true),
  printf: fn(['string', 'any'], (f: string, ...a: unknown[]) => sprintf(f, a), true),
  println: fn(['any'], (...a: unknown[]) => sprintln(a), true),
  html: fn(['any'], (...a: unknown[]) => sprint(a).replace(/["'&<>\0]/g, (c) => HTML[c]), true),
  js: fn(['any'], (...a: unknown[]) => sprint(a).replace(/[\\'"<>&=\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === "'" ? "\\'" : c === '"' ? '\\"' : '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'))), true),
  urlquery: fn(['any'], (...a: unknown[]) => encodeURIComponent(sprint(a)).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()), true),
};
