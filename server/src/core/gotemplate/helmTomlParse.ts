/**
 * Helm's fromToml: BurntSushi/toml's Unmarshal into map[string]interface{} for TOML v1.0 documents: integers are
 * int64, floats float64, offset date-times time.Time; a document that does not parse gives a map whose `Error`
 * key holds the reason (the wording can differ from BurntSushi's).
 */
import { GoTime } from './sprigDates';
import { GoInt } from './values';

class TomlSyntaxError extends Error {}

type Table = Record<string, unknown>;

/** Sets an own property, `__proto__` included (a TOML key may be any string). */
function setOwn(t: Table, k: string, v: unknown): void {
  Object.defineProperty(t, k, { value: v, writable: true, enumerable: true, configurable: true });
}

const own = (t: Table, k: string): unknown => (Object.prototype.hasOwnProperty.call(t, k) ? t[k] : undefined);

/** Tables defined by a header or by dotted keys, and arrays made by `[[...]]`, which later lines may extend. */
interface State { defined: Set<Table>; inline: Set<Table>; arrays: Set<unknown[]> }

export function parseToml(text: string): Table {
  const p = new Parser(text);
  return p.document();
}

class Parser {
  private i = 0;
  private line = 1;
  private readonly root: Table = {};
  private readonly st: State = { defined: new Set(), inline: new Set(), arrays: new Set() };

  constructor(private readonly s: string) {}

  private fail(msg: string): never {
    throw new TomlSyntaxError(`toml: line ${this.line}: ${msg}`);
  }

  private peek(n = 0): string {
    return this.s[this.i + n] ?? '';
  }

  private skipWs(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.i++;
  }

  private skipComment(): void {
    if (this.peek() === '#') while (this.i < this.s.length && this.peek() !== '\n') this.i++;
  }

  private endOfLine(): void {
    this.skipWs();
    this.skipComment();
    if (this.peek() === '\r' && this.peek(1) === '\n') this.i++;
    if (this.i < this.s.length && this.peek() !== '\n') this.fail(`expected a top-level item to end with a newline, comment, or EOF, but got '${this.peek()}' instead`);
    if (this.peek() === '\n') {
      this.i++;
      this.line++;
    }
  }

  /** Whitespace, newlines and comments inside arrays. */
  private skipAll(): void {
    for (;;) {
      this.skipWs();
      this.skipComment();
      if (this.peek() === '\n') {
        this.i++;
        this.line++;
      } else if (this.peek() === '\r' && this.peek(1) === '\n') {
        this.i += 2;
        this.line++;
      } else return;
    }
  }

  document(): Table {
    let current = this.root;
    while (this.i < this.s.length) {
      this.skipWs();
      const c = this.peek();
      if (c === '#' || c === '\n' || c === '\r' || c === '') {
        this.endOfLine();
        continue;
      }
      if (c === '[') {
        const array = this.peek(1) === '[';
        this.i += array ? 2 : 1;
        this.skipWs();
        const key = this.key();
        this.skipWs();
        if (this.peek() !== ']' || (array && this.peek(1) !== ']')) this.fail(`expected '${array ? ']]' : ']'}'`);
        this.i += array ? 2 : 1;
        current = array ? this.arrayTable(key) : this.table(key);
        this.endOfLine();
        continue;
      }
      this.keyValue(current);
      this.endOfLine();
    }
    return this.root;
  }

  private descend(from: Table, key: string[], forHeader: boolean): Table {
    let t = from;
    for (const k of key) {
      const v = own(t, k);
      if (v === undefined) {
        const next: Table = {};
        setOwn(t, k, next);
        t = next;
      } else if (Array.isArray(v) && this.st.arrays.has(v) && forHeader) {
        t = v[v.length - 1] as Table;
      } else if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoInt) && !(v instanceof GoTime) && !this.st.inline.has(v as Table)) {
        t = v as Table;
      } else {
        this.fail(`key ${JSON.stringify(k)} has already been defined`);
      }
    }
    return t;
  }

  private table(key: string[]): Table {
    const parent = this.descend(this.root, key.slice(0, -1), true);
    const last = key[key.length - 1];
    const existing = own(parent, last);
    if (existing !== undefined) {
      if (existing === null || typeof existing !== 'object' || Array.isArray(existing) || this.st.defined.has(existing as Table) || this.st.inline.has(existing as Table)) {
        this.fail(`table ${key.join('.')} has already been defined`);
      }
      this.st.defined.add(existing as Table);
      return existing as Table;
    }
    const t: Table = {};
    setOwn(parent, last, t);
    this.st.defined.add(t);
    return t;
  }

  private arrayTable(key: string[]): Table {
    const parent = this.descend(this.root, key.slice(0, -1), true);
    const last = key[key.length - 1];
    let arr = own(parent, last);
    if (arr === undefined) {
      arr = [];
      this.st.arrays.add(arr as unknown[]);
      setOwn(parent, last, arr);
    } else if (!Array.isArray(arr) || !this.st.arrays.has(arr)) {
      this.fail(`key ${JSON.stringify(last)} has already been defined`);
    }
    const t: Table = {};
    (arr as unknown[]).push(t);
    return t;
  }

  private keyValue(into: Table): void {
    const key = this.key();
    this.skipWs();
    if (this.peek() !== '=') this.fail(`expected '=' after key ${key.join('.')}`);
    this.i++;
    this.skipWs();
    const target = this.descend(into, key.slice(0, -1), false);
    for (let t = into, j = 0; j < key.length - 1; j++) {
      t = own(t, key[j]) as Table;
      this.st.defined.add(t);
    }
    const last = key[key.length - 1];
    if (Object.prototype.hasOwnProperty.call(target, last)) this.fail(`key ${JSON.stringify(last)} has already been defined`);
    const value = this.value();
    setOwn(target, last, value);
  }

  private key(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skipWs();
      const c = this.peek();
      if (c === '"') parts.push(this.basicString());
      else if (c === "'") parts.push(this.literalString());
      else {
        const m = /^[A-Za-z0-9_-]+/.exec(this.s.slice(this.i, this.i + 1024));
        if (!m) this.fail(`bare keys cannot contain '${c}'`);
        parts.push(m[0]);
        this.i += m[0].length;
      }
      this.skipWs();
      if (this.peek() !== '.') return parts;
      this.i++;
    }
  }

  private value(): unknown {
    const c = this.peek();
    if (c === '"') return this.peek(1) === '"' && this.peek(2) === '"' ? this.multiBasic() : this.basicString();
    if (c === "'") return this.peek(1) === "'" && this.peek(2) === "'" ? this.multiLiteral() : this.literalString();
    if (c === '[') return this.array();
    if (c === '{') return this.inlineTable();
    const rest = this.s.slice(this.i, this.i + 64);
    let m = /^(true|false)(?![A-Za-z0-9_-])/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return m[1] === 'true';
    }
    m = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const ms = Date.parse(m[0].replace(' ', 'T').toUpperCase());
      if (Number.isNaN(ms)) this.fail(`invalid datetime ${m[0]}`);
      const zone = m[2].toUpperCase();
      const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
      return new GoTime(ms, offset, zone === 'Z' ? 'UTC' : '');
    }
    m = /^[+-]?(inf|nan)(?![A-Za-z0-9_])/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return m[1] === 'nan' ? NaN : m[0].startsWith('-') ? -Infinity : Infinity;
    }
    m = /^0x[0-9A-Fa-f](_?[0-9A-Fa-f])*|^0o[0-7](_?[0-7])*|^0b[01](_?[01])*/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return new GoInt(BigInt(m[0].replace(/_/g, '')), 'int64');
    }
    m = /^[+-]?(0|[1-9](_?\d)*)(\.\d(_?\d)*)?([eE][+-]?\d(_?\d)*)?(?![A-Za-z0-9_.:-])/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const digits = m[0].replace(/_/g, '');
      if (m[3] === undefined && m[5] === undefined) {
        const n = BigInt(digits);
        if (n > 9223372036854775807n || n < -9223372036854775808n) this.fail(`${digits} is out of range for int64`);
        return new GoInt(n, 'int64');
      }
      return Number(digits);
    }
    return this.fail(`expected value but found ${JSON.stringify(c)} instead`);
  }

  private array(): unknown[] {
    this.i++;
    const out: unknown[] = [];
    for (;;) {
      this.skipAll();
      if (this.peek() === ']') {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.skipAll();
      if (this.peek() === ',') {
        this.i++;
        continue;
      }
      if (this.peek() === ']') {
        this.i++;
        return out;
      }
      this.fail(`expected a comma (',') or array terminator (']'), but got '${this.peek()}'`);
    }
  }

  private inlineTable(): Table {
    this.i++;
    const t: Table = {};
    this.skipWs();
    if (this.peek() === '}') {
      this.i++;
      this.st.inline.add(t);
      return t;
    }
    for (;;) {
      this.skipWs();
      this.keyValue(t);
      this.skipWs();
      if (this.peek() === ',') {
        this.i++;
        continue;
      }
      if (this.peek() === '}') {
        this.i++;
        this.st.inline.add(t);
        return t;
      }
      this.fail(`expected a comma or an inline table terminator '}', but got '${this.peek()}' instead`);
    }
  }

  private escape(): string {
    const c = this.peek();
    this.i++;
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\', e: '\u001b' };
    if (c in simple) return simple[c];
    if (c === 'u' || c === 'U') {
      const len = c === 'u' ? 4 : 8;
      const hex = this.s.slice(this.i, this.i + len);
      if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== len) this.fail(`invalid escape '\\${c}${hex}'`);
      this.i += len;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) this.fail(`invalid escape '\\${c}${hex}'`);
      return String.fromCodePoint(cp);
    }
    return this.fail(`invalid escape character ${JSON.stringify(c)}`);
  }

  private basicString(): string {
    this.i++;
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === '' || c === '\n') this.fail('unexpected EOF; expected \'"\'');
      this.i++;
      if (c === '"') return out;
      out += c === '\\' ? this.escape() : c;
    }
  }

  private literalString(): string {
    this.i++;
    const end = this.s.indexOf("'", this.i);
    const nl = this.s.indexOf('\n', this.i);
    if (end < 0 || (nl >= 0 && nl < end)) this.fail("unexpected EOF; expected \"'\"");
    const out = this.s.slice(this.i, end);
    this.i = end + 1;
    return out;
  }

  private newlineAfterOpen(): void {
    if (this.peek() === '\n') {
      this.i++;
      this.line++;
    } else if (this.peek() === '\r' && this.peek(1) === '\n') {
      this.i += 2;
      this.line++;
    }
  }

  private multiBasic(): string {
    this.i += 3;
    this.newlineAfterOpen();
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) this.fail('unexpected EOF; expected \'"""\'');
      if (this.s.startsWith('"""', this.i)) {
        let q = 3;
        while (q < 5 && this.peek(q) === '"') q++;
        out += '"'.repeat(q - 3);
        this.i += q;
        return out;
      }
      const c = this.peek();
      if (c === '\\') {
        const after = /^\\[ \t]*\r?\n[\s]*/.exec(this.s.slice(this.i));
        if (after) {
          this.line += (after[0].match(/\n/g) ?? []).length;
          this.i += after[0].length;
          continue;
        }
        this.i++;
        out += this.escape();
        continue;
      }
      if (c === '\n') this.line++;
      out += c;
      this.i++;
    }
  }

  private multiLiteral(): string {
    this.i += 3;
    this.newlineAfterOpen();
    const end = this.s.indexOf("'''", this.i);
    if (end < 0) this.fail('unexpected EOF; expected "\'\'\'"');
    let stop = end + 3;
    while (stop < end + 5 && this.s[stop] === "'") stop++;
    const out = this.s.slice(this.i, stop - 3);
    this.line += (out.match(/\n/g) ?? []).length;
    this.i = stop;
    return out;
  }
}

/** Helm's fromToml: the map, or `{Error: reason}`. */
export function fromToml(text: string): Table {
  try {
    return parseToml(text);
  } catch (e) {
    // A syntax error, or a document nested deeper than the stack allows.
    return { Error: e instanceof Error ? e.message : String(e) };
  }
}
