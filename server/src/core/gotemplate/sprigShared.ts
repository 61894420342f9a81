/** Helpers Sprig's functions share: Go reflect kinds, strval/strslice, deep equality, emptiness. */
import { formatValue } from './fmt';
import { FuncError } from './funcTypes';
import { GoInt, isMap } from './values';

/** Go's reflect Kind name of a value; Go panics on the kind of untyped nil. */
export function kindOf(v: unknown): string {
  if (v === undefined || v === null) throw new FuncError('runtime error: invalid memory address or nil pointer dereference');
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoInt) return v.goType;
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'function') return 'func';
  return 'map';
}

/** reflect.Kind of a value where nil is allowed: "invalid" for nil, as Sprig's kindOf prints. */
export function kindOrInvalid(v: unknown): string {
  return v === undefined || v === null ? 'invalid' : kindOf(v);
}

/** Sprig's strval: strings as they are, everything else as fmt's %v. */
export function strval(v: unknown): string {
  return typeof v === 'string' ? v : formatValue(v);
}

/** Sprig's strslice: a list becomes its non-nil elements as strings; anything else one string. */
export function strslice(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map(strval);
  if (v === null || v === undefined) return [];
  return [strval(v)];
}

/** Sprig's empty: nil, false, 0, "" and empty collections. */
export function empty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string' || Array.isArray(v)) return v.length === 0;
  if (isMap(v)) return Object.keys(v).length === 0;
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'number') return v === 0;
  if (v instanceof GoInt) return v.value === 0n;
  return false;
}

/** reflect.DeepEqual over template values (an int and a float64 are different types). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a instanceof GoInt || b instanceof GoInt) return a instanceof GoInt && b instanceof GoInt && a.value === b.value;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isMap(a) || isMap(b)) {
    if (!isMap(a) || !isMap(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return a === b || ((a === null || a === undefined) && (b === null || b === undefined));
}

/** A deep copy of maps and lists (copystructure.Copy); scalars are immutable. */
export function deepCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepCopy(x)]));
  return v;
}
