/** Go fmt's %v printing (fmt.Sprint) of template values: maps sorted `map[a:1]`, slices `[a b]`, float64 `%g`. */
import { GoInt, GoStruct, isMap, typeName } from './values';

/** Go's strconv.FormatFloat(f, 'g', -1, 64), what %v prints: exponent form below 1e-4 and from 1e6 up. */
export function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  // Shortest formatting decides with precision 6 (strconv/ftoa.go: `if shortest { eprec = 6 }`).
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${mantissa}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  return plainDecimal(f);
}

function plainDecimal(f: number): string {
  // JS prints plain decimals for exponents in [-6, 21), which covers Go's [-4, 6) window.
  return String(f);
}

/** %v of one value, as fmt.Sprint prints it. Missing values are <nil> inside fmt. */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatFloat(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof GoInt) return v.value.toString();
  if (Array.isArray(v)) return '[' + v.map(formatValue).join(' ') + ']';
  if (typeof v === 'function') return '0x0';
  if (v instanceof GoStruct) return v.goString();
  if (isMap(v)) {
    const keys = Object.keys(v).sort();
    return 'map[' + keys.map((k) => `${k}:${formatValue(v[k])}`).join(' ') + ']';
  }
  return String(v);
}

/** fmt.Sprint: spaces are added between operands when neither is a string. */
export function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatValue(a);
  });
  return out;
}

/** fmt.Sprintln: always spaces between operands, newline at the end. */
export function sprintln(args: unknown[]): string {
  return args.map(formatValue).join(' ') + '\n';
}

/** fmt.Sprintf with the verbs charts use: %s %v %d %q %f %g %e %t %x %X %o %b %c %T %%, flags, width, precision. */
export function sprintf(format: string, args: unknown[]): string {
  let argIndex = 0;
  return format.replace(/%([-+# 0]*)(\d+|\*)?(?:\.(\d+|\*)?)?([a-zA-Z%])/g, (whole, flags: string, widthText?: string, precText?: string, verb?: string) => {
    if (verb === '%') return '%';
    const width = widthText === '*' ? Number(argValue(args[argIndex++])) : widthText ? Number(widthText) : undefined;
    const prec = precText === '*' ? Number(argValue(args[argIndex++])) : precText !== undefined ? Number(precText || '0') : whole.includes('.') ? 0 : undefined;
    if (argIndex >= args.length) return `%!${verb}(MISSING)`;
    const arg = args[argIndex++];
    const body = formatVerb(verb!, arg, flags, prec);
    return pad(body, width, flags);
  }) + extraArgs(args, argIndex, format);
}

function argValue(v: unknown): number {
  return v instanceof GoInt ? Number(v.value) : Number(v);
}

function extraArgs(args: unknown[], used: number, format: string): string {
  void format;
  if (used >= args.length) return '';
  return '%!(EXTRA ' + args.slice(used).map((a) => `${typeName(a)}=${formatValue(a)}`).join(', ') + ')';
}

function pad(s: string, width: number | undefined, flags: string): string {
  if (width === undefined || s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (flags.includes('0') && /^[-+]?[0-9]/.test(s)) {
    const sign = /^[-+]/.test(s) ? s[0] : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

function formatVerb(verb: string, arg: unknown, flags: string, prec: number | undefined): string {
  const plus = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const signed = (s: string, neg: boolean): string => (neg ? s : plus + s);
  switch (verb) {
    case 'v': case 's':
      if (verb === 's' && (typeof arg === 'number' || arg instanceof GoInt || typeof arg === 'boolean')) return `%!s(${typeName(arg)}=${formatValue(arg)})`;
      return prec !== undefined && typeof arg === 'string' ? [...arg].slice(0, prec).join('') : formatValue(arg);
    case 'q':
      if (typeof arg === 'string') return JSON.stringify(arg);
      return `%!q(${typeName(arg)}=${formatValue(arg)})`;
    case 'd':
      if (arg instanceof GoInt) return signed(arg.value.toString(), arg.value < 0n);
      return `%!d(${typeName(arg)}=${formatValue(arg)})`;
    case 'f': case 'F': case 'e': case 'g': {
      const f = typeof arg === 'number' ? arg : arg instanceof GoInt ? NaN : NaN;
      if (typeof arg !== 'number') return `%!${verb}(${typeName(arg)}=${formatValue(arg)})`;
      const s = verb === 'e' ? goExp(f.toExponential(prec ?? 6)) : verb === 'g' ? (prec === undefined ? formatFloat(f) : formatFloat(Number(f.toPrecision(prec || 1)))) : f.toFixed(prec ?? 6);
      return signed(s, f < 0);
    }
    case 't':
      return typeof arg === 'boolean' ? String(arg) : `%!t(${typeName(arg)}=${formatValue(arg)})`;
    case 'x': case 'X': case 'o': case 'b': {
      const radix = verb === 'o' ? 8 : verb === 'b' ? 2 : 16;
      let s: string;
      if (arg instanceof GoInt) s = arg.value.toString(radix);
      else if (typeof arg === 'string' && radix === 16) s = Buffer.from(arg, 'utf8').toString('hex');
      else return `%!${verb}(${typeName(arg)}=${formatValue(arg)})`;
      return verb === 'X' ? s.toUpperCase() : s;
    }
    case 'c':
      return arg instanceof GoInt ? String.fromCodePoint(Number(arg.value)) : `%!c(${typeName(arg)}=${formatValue(arg)})`;
    case 'T':
      return typeName(arg);
    default:
      return `%!${verb}(${typeName(arg)}=${formatValue(arg)})`;
  }
}

function goExp(js: string): string {
  const [m, e] = js.split('e');
  const n = Number(e);
  return `${m}e${n < 0 ? '-' : '+'}${Math.abs(n) < 10 ? '0' : ''}${Math.abs(n)}`;
}
