/**
 * Helm's toToml (and Helm 4's mustToToml): BurntSushi/toml's Encoder as Helm calls it. Keys are sorted; a map's
 * plain values come first, then its tables and arrays of tables (indented two spaces per level, a blank line
 * before each top-level table and each `[[...]]`); floats always carry a decimal point; nil values are left out.
 * An encoder error is toToml's output (mustToToml fails with it).
 */
import { fn, FuncError, FuncMap } from './funcTypes';
import { fromToml } from './helmTomlParse';
import { GoInt, isMap } from './values';

class TomlError extends Error {}

const bareKey = /^[A-Za-z0-9_-]+$/;

function quoted(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0) ?? 0;
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\b') out += '\\b';
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\f') out += '\\f';
    else if (c === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out + '"';
}

const keyPart = (k: string): string => (k === '' ? '""' : bareKey.test(k) ? k : quoted(k));

/** Go's strconv.FormatFloat(f, 'f', -1, 64), with ".0" added when there is no decimal point. */
function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f > 0 ? 'inf' : '-inf';
  let s = String(f);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m) {
    const digits = m[2] + (m[3] ?? '');
    const exp = Number(m[4]);
    s = exp >= 0 ? m[1] + digits.padEnd(exp + 1, '0') : `${m[1]}0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  if (Object.is(f, -0)) s = '-0';
  return s.includes('.') ? s : `${s}.0`;
}

type Kind = 'nil' | 'table' | 'tableArray' | 'value';

function kindOf(v: unknown): Kind {
  if (v === null || v === undefined) return 'nil';
  if (isMap(v)) return 'table';
  if (Array.isArray(v) && v.length > 0) {
    let tables = true;
    for (const e of v) {
      const k = kindOf(e);
      if (k === 'nil') throw new TomlError('toml: cannot encode array with nil element');
      if (k !== 'table') tables = false;
    }
    return tables ? 'tableArray' : 'value';
  }
  return 'value';
}

class Encoder {
  out = '';

  private newline(): void {
    if (this.out !== '') this.out += '\n';
  }

  private element(v: unknown): void {
    if (typeof v === 'string') this.out += quoted(v);
    else if (typeof v === 'boolean') this.out += String(v);
    else if (typeof v === 'number') this.out += formatFloat(v);
    else if (v instanceof GoInt) this.out += v.value.toString();
    else if (Array.isArray(v)) {
      this.out += '[';
      v.forEach((e, i) => {
        if (e === null || e === undefined) throw new TomlError('toml: cannot encode array with nil element');
        this.element(e);
        if (i !== v.length - 1) this.out += ', ';
      });
      this.out += ']';
    } else if (isMap(v)) this.map([], v, true);
    else throw new TomlError(`toml: unsupported type: ${typeof v}`);
  }

  private keyValue(key: string[], v: unknown, inline: boolean): void {
    if (key.length === 0) {
      this.element(v);
      return;
    }
    this.out += `${'  '.repeat(key.length - 1)}${keyPart(key[key.length - 1])} = `;
    this.element(v);
    if (!inline) this.newline();
  }

  private map(key: string[], m: Record<string, unknown>, inline: boolean): void {
    const direct: string[] = [];
    const sub: string[] = [];
    for (const k of Object.keys(m)) {
      const kind = kindOf(m[k]);
      (kind === 'table' || kind === 'tableArray' ? sub : direct).push(k);
    }
    const write = (keys: string[], trailingComma: boolean): void => {
      keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      keys.forEach((k, i) => {
        const v = m[k];
        if (v === null || v === undefined) return;
        if (inline) {
          this.keyValue([k], v, true);
          if (trailingComma || i !== keys.length - 1) this.out += ', ';
        } else {
          this.encode([...key, k], v);
        }
      });
    };
    if (inline) this.out += '{';
    write(direct, sub.length > 0);
    write(sub, false);
    if (inline) this.out += '}';
  }

  encode(key: string[], v: unknown): void {
    const kind = kindOf(v);
    if (kind === 'nil') return;
    if (kind === 'tableArray') {
      if (key.length === 0) throw new TomlError('toml: top-level values must be Go maps or structs');
      for (const t of v as Record<string, unknown>[]) {
        this.newline();
        this.out += `${'  '.repeat(key.length - 1)}[[${key.map(keyPart).join('.')}]]`;
        this.newline();
        this.map(key, t, false);
      }
    } else if (kind === 'table') {
      if (key.length === 1) this.newline();
      if (key.length > 0) {
        this.out += `${'  '.repeat(key.length - 1)}[${key.map(keyPart).join('.')}]`;
        this.newline();
      }
      this.map(key, v as Record<string, unknown>, false);
    } else {
      this.keyValue(key, v, false);
    }
  }
}

/** The TOML text, or the encoder's error. */
export function encodeToml(v: unknown): { text: string } | { error: string } {
  if (v === null || v === undefined) return { error: 'reflect: call of reflect.Value.Type on zero Value' };
  const e = new Encoder();
  try {
    e.encode([], v);
  } catch (err) {
    // An encoder error, or a value nested deeper than the stack allows (a cyclic one cannot come from YAML).
    return { error: err instanceof Error ? err.message : String(err) };
  }
  return { text: e.out };
}

export const helmTomlFuncs: FuncMap = {
  fromToml: fn(['string'], fromToml),
  toToml: fn(['any'], (v: unknown) => {
    const r = encodeToml(v);
    if ('error' in r && (v === null || v === undefined)) throw new FuncError(r.error);
    return 'error' in r ? r.error : r.text;
  }),
  mustToToml: fn(['any'], (v: unknown) => {
    const r = encodeToml(v);
    if ('error' in r) throw new FuncError(r.error);
    return r.text;
  }),
};
