/** Sprig's list functions (list.go): Go messages for wrong types, must* variants behave alike here. */
import { BudgetError, MAX_LIST_LENGTH, OVER_LIST } from './budget';
import { fn, FuncError, FuncMap } from './funcTypes';
import { deepEqual, empty, kindOf } from './sprigShared';
import { GoInt, goInt, toInt } from './values';

function asList(v: unknown, what: string): unknown[] {
  const kind = kindOf(v);
  if (!Array.isArray(v)) throw new FuncError(`${what} ${kind}`);
  return v;
}

const pick = <R>(what: string, f: (l: unknown[]) => R) => (list: unknown): R | null => {
  const l = asList(list, `Cannot find ${what} on type`);
  return f(l);
};

const first = pick('first', (l) => (l.length === 0 ? null : l[0]));
const rest = pick('rest', (l) => l.slice(1));
const last = pick('last', (l) => (l.length === 0 ? null : l[l.length - 1]));
const initial = pick('initial', (l) => l.slice(0, -1));
const reverse = pick('reverse', (l) => [...l].reverse());

function push(list: unknown, v: unknown): unknown[] {
  return [...asList(list, 'Cannot push on type'), v];
}

function prepend(list: unknown, v: unknown): unknown[] {
  return [v, ...asList(list, 'Cannot prepend on type')];
}

function uniq(list: unknown): unknown[] {
  const out: unknown[] = [];
  for (const item of asList(list, 'Cannot find uniq on type')) if (!out.some((o) => deepEqual(o, item))) out.push(item);
  return out;
}

function without(list: unknown, ...omit: unknown[]): unknown[] {
  return asList(list, 'Cannot find without on type').filter((item) => !omit.some((o) => deepEqual(o, item)));
}

function has(needle: unknown, haystack: unknown): boolean {
  if (haystack === null || haystack === undefined) return false;
  return asList(haystack, 'Cannot find has on type').some((item) => deepEqual(item, needle));
}

function compact(list: unknown): unknown[] {
  return asList(list, 'Cannot compact on type').filter((item) => !empty(item));
}

function slice(list: unknown, ...indices: unknown[]): unknown {
  const kind = kindOf(list);
  if (!Array.isArray(list)) throw new FuncError(`list should be type of slice or array but ${kind}`);
  if (list.length === 0) return null;
  const start = indices.length > 0 ? Number(toInt(indices[0]).value) : 0;
  const end = indices.length > 1 ? Number(toInt(indices[1]).value) : list.length;
  if (start < 0 || end > list.length || start > end) throw new FuncError(`runtime error: slice bounds out of range [${start}:${end}]`);
  return list.slice(start, end);
}

function concat(...lists: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const l of lists) {
    if (!Array.isArray(l)) throw new FuncError(`Cannot concat type ${kindOf(l)} as list`);
    out.push(...l);
  }
  return out;
}

function chunk(size: GoInt, list: unknown): unknown[][] {
  const l = asList(list, 'Cannot chunk type');
  const n = Number(size.value);
  const out: unknown[][] = [];
  for (let i = 0; i < l.length; i += n) out.push(l.slice(i, i + n));
  return out;
}

/** Sprig's untilStep: ints from start towards stop (exclusive) by step; a step pointing away gives []. */
function untilStep(start: GoInt, stop: GoInt, step: GoInt): GoInt[] {
  const out: GoInt[] = [];
  const [a, b, s] = [start.value, stop.value, step.value];
  if (s === 0n) return out;
  if ((b - a) / s > BigInt(MAX_LIST_LENGTH)) throw new BudgetError(OVER_LIST);
  if (a < b) {
    if (s < 0n) return out;
    for (let i = a; i < b; i += s) out.push(new GoInt(i));
  } else {
    if (s > 0n) return out;
    for (let i = a; i > b; i += s) out.push(new GoInt(i));
  }
  return out;
}

/** Sprig's seq, like the shell's: `seq end`, `seq start end`, `seq start step end`; output space-separated. */
function seq(...params: GoInt[]): string {
  const v = params.map((p) => Number(p.value));
  const [start, step, end] = v.length === 1 ? [1, v[0] >= 1 ? 1 : -1, v[0]] : v.length === 2 ? [v[0], v[0] <= v[1] ? 1 : -1, v[1]] : v.length === 3 ? [v[0], v[1], v[2]] : [0, 0, 0];
  if (v.length === 0 || v.length > 3 || step === 0) return '';
  if ((end < start && step > 0) || (end > start && step < 0)) return '';
  if ((end - start) / step > MAX_LIST_LENGTH) throw new BudgetError(OVER_LIST);
  const out: number[] = [];
  for (let i = start; step > 0 ? i <= end : i >= end; i += step) out.push(i);
  return out.join(' ');
}

export const sprigListFuncs: FuncMap = {
  list: fn(['any'], (...v: unknown[]) => v, true),
  tuple: fn(['any'], (...v: unknown[]) => v, true),
  first: fn(['any'], first), mustFirst: fn(['any'], first),
  rest: fn(['any'], rest), mustRest: fn(['any'], rest),
  last: fn(['any'], last), mustLast: fn(['any'], last),
  initial: fn(['any'], initial), mustInitial: fn(['any'], initial),
  reverse: fn(['any'], reverse), mustReverse: fn(['any'], reverse),
  append: fn(['any', 'any'], push), push: fn(['any', 'any'], push),
  mustAppend: fn(['any', 'any'], push), mustPush: fn(['any', 'any'], push),
  prepend: fn(['any', 'any'], prepend), mustPrepend: fn(['any', 'any'], prepend),
  uniq: fn(['any'], uniq), mustUniq: fn(['any'], uniq),
  without: fn(['any', 'any'], without, true), mustWithout: fn(['any', 'any'], without, true),
  has: fn(['any', 'any'], has), mustHas: fn(['any', 'any'], has),
  compact: fn(['any'], compact), mustCompact: fn(['any'], compact),
  slice: fn(['any', 'any'], slice, true), mustSlice: fn(['any', 'any'], slice, true),
  concat: fn(['any'], concat, true),
  chunk: fn(['int', 'any'], chunk), mustChunk: fn(['int', 'any'], chunk),
  until: fn(['int'], (n: GoInt) => untilStep(goInt(0), n, goInt(n.value < 0n ? -1 : 1))),
  untilStep: fn(['int', 'int', 'int'], untilStep),
  seq: fn(['int'], seq, true),
};
