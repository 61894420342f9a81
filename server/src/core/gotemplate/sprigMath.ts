/** Sprig's math (numeric.go): integer functions cast with toInt64 and return int64; *f ones return float64. */
import { fn, FuncError, FuncMap } from './funcTypes';
import { GoInt, goInt, goInt64, toFloat, toInt } from './values';

const ints = (v: unknown[]): bigint[] => v.map((x) => toInt(x).value);
const wrap = (b: bigint): GoInt => goInt64(b);

/** Sprig computes *f functions with shopspring/decimal: rounding to 15 significant digits hides binary noise. */
const dec = (f: number): number => (Number.isFinite(f) ? Number(f.toPrecision(15)) : f);

function div(a: unknown, b: unknown): GoInt {
  const [x, y] = ints([a, b]);
  if (y === 0n) throw new FuncError('runtime error: integer divide by zero');
  return wrap(x / y);
}

function mod(a: unknown, b: unknown): GoInt {
  const [x, y] = ints([a, b]);
  if (y === 0n) throw new FuncError('runtime error: integer divide by zero');
  return wrap(x % y);
}

/** Sprig's round: away from zero at `roundOn` (default .5) of the fraction. */
function round(a: unknown, places: GoInt, ...opt: unknown[]): number {
  const roundOn = opt.length > 0 ? toFloat(opt[0]) : 0.5;
  const pow = 10 ** Number(places.value);
  const digit = pow * toFloat(a);
  const frac = digit - Math.trunc(digit);
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}

export const sprigMathFuncs: FuncMap = {
  add: fn(['any'], (...v: unknown[]) => wrap(ints(v).reduce((a, b) => a + b, 0n)), true),
  add1: fn(['any'], (v: unknown) => wrap(toInt(v).value + 1n)),
  sub: fn(['any', 'any'], (a: unknown, b: unknown) => wrap(toInt(a).value - toInt(b).value)),
  mul: fn(['any', 'any'], (a: unknown, ...v: unknown[]) => wrap(ints([a, ...v]).reduce((x, y) => x * y, 1n)), true),
  div: fn(['any', 'any'], div),
  mod: fn(['any', 'any'], mod),
  max: fn(['any', 'any'], (a: unknown, ...v: unknown[]) => wrap(ints([a, ...v]).reduce((x, y) => (y > x ? y : x))), true),
  biggest: fn(['any', 'any'], (a: unknown, ...v: unknown[]) => wrap(ints([a, ...v]).reduce((x, y) => (y > x ? y : x))), true),
  min: fn(['any', 'any'], (a: unknown, ...v: unknown[]) => wrap(ints([a, ...v]).reduce((x, y) => (y < x ? y : x))), true),
  addf: fn(['any'], (...v: unknown[]) => dec(v.map(toFloat).reduce((a, b) => a + b, 0)), true),
  add1f: fn(['any'], (v: unknown) => dec(toFloat(v) + 1)),
  subf: fn(['any', 'any'], (a: unknown, ...v: unknown[]) => dec(v.map(toFloat).reduce((x, y) => x - y, toFloat(a))), true),
  mulf: fn(['any', 'any'], (a: unknown, ...v: unknown[]) => dec(v.map(toFloat).reduce((x, y) => x * y, toFloat(a))), true),
  divf: fn(['any', 'any'], (a: unknown, ...v: unknown[]) => dec(v.map(toFloat).reduce((x, y) => x / y, toFloat(a))), true),
  maxf: fn(['any', 'any'], (a: unknown, ...v: unknown[]) => Math.max(toFloat(a), ...v.map(toFloat)), true),
  minf: fn(['any', 'any'], (a: unknown, ...v: unknown[]) => Math.min(toFloat(a), ...v.map(toFloat)), true),
  ceil: fn(['any'], (v: unknown) => Math.ceil(toFloat(v))),
  floor: fn(['any'], (v: unknown) => Math.floor(toFloat(v))),
  round: fn(['any', 'int', 'any'], round, true),
  toDecimal: fn(['any'], (v: unknown) => {
    const s = typeof v === 'string' ? v : String(v instanceof GoInt ? v.value : v);
    const m = /^([-+]?)([0-7]+)$/.exec(s);
    if (!m) return goInt(0);
    const n = BigInt('0o' + m[2]);
    return goInt(m[1] === '-' ? -n : n);
  }),
};
