/** The Go value model: JS number = float64, GoInt = int64, undefined = Go's invalid (missing) value. */

/** A Go int64 value. JS numbers stand for float64, so integers made by template functions use this class. */
export class GoInt {
  /** `goType` is the Go type: `int` (literals, len, until, the int cast) or `int64` (--set values, Sprig math). */
  constructor(readonly value: bigint, readonly goType: 'int' | 'int64' = 'int') {}
  toString(): string {
    return this.value.toString();
  }
}

export const goInt = (n: number | bigint): GoInt => new GoInt(typeof n === 'bigint' ? BigInt.asIntN(64, n) : BigInt(Math.trunc(n)));

/** A Go int64 (what Sprig's math functions and Helm's `--set` produce). */
export const goInt64 = (n: number | bigint): GoInt => new GoInt(goInt(n).value, 'int64');

export type GoMap = Record<string, unknown>;

/** A Go struct value the engine models as a class (time.Time): printed with `goString`, typed by `goTypeName`. */
export abstract class GoStruct {
  abstract goString(): string;
  abstract goTypeName(): string;
}

export function isMap(v: unknown): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoInt) && !(v instanceof Uint8Array) && !(v instanceof GoStruct);
}

/**
 * Marks a plain object as a value of a named Go map type: Helm's top-level data and `.Values` are
 * `chartutil.Values`, which `typeOf` and `%T` print; everything else treats it as a map.
 */
export const GO_TYPE_NAME = Symbol.for('syncplan.gotemplate.goTypeName');

/** Go's type name as fmt's %T and error messages print it. */
export function typeName(v: unknown): string {
  if (v === undefined || v === null) return '<nil>';
  if (isMap(v) && typeof (v as { [GO_TYPE_NAME]?: unknown })[GO_TYPE_NAME] === 'string') return (v as { [GO_TYPE_NAME]: string })[GO_TYPE_NAME];
  if (typeof v === 'number') return 'float64';
  if (v instanceof GoInt) return v.goType;
  if (v instanceof GoStruct) return v.goTypeName();
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'function') return 'func';
  return 'map[string]interface {}';
}

/** Go's template truth: empty values (false, 0, "", nil, empty slices and maps) are false. */
export function isTrue(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof GoInt) return v.value !== 0n;
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

/** A number of either Go kind as a JS value class for comparisons. */
export type BasicKind = 'int' | 'float' | 'string' | 'bool' | 'nil' | 'complex';

export function basicKind(v: unknown): BasicKind | undefined {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'number') return 'float';
  if (v instanceof GoInt) return 'int';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return undefined;
}

/** Converts any numeric-ish value to a JS number (used by Sprig's cast functions). */
export function toFloat(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v instanceof GoInt) return Number(v.value);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const f = Number(v.trim());
    return v.trim() === '' || Number.isNaN(f) ? 0 : f;
  }
  return 0;
}

/** Sprig's toInt64 (cast.ToInt64E with errors ignored): floats truncate, bad strings give 0. */
export function toInt(v: unknown): GoInt {
  if (v instanceof GoInt) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? goInt(v) : new GoInt(-(2n ** 63n));
  if (typeof v === 'boolean') return goInt(v ? 1 : 0);
  if (typeof v === 'string') {
    const s = v.trim();
    if (/^[-+]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(s)) {
      const neg = s.startsWith('-');
      const body = s.replace(/^[-+]/, '');
      const b = /^0[0-7]+$/.test(body) ? BigInt('0o' + body.slice(1)) : BigInt(body);
      return goInt(neg ? -b : b);
    }
    return goInt(0);
  }
  return goInt(0);
}
