// Helm's `--set` / `--set-string` parser, ported from helm/pkg/strvals/parser.go (v3.17): `a.b=1,c[0]=x,d={1,2}`
// with `\` escapes. Pure: the caller merges the result into the values (later flags win, as in Helm).

/** Go int64, as Helm's typed `--set` values decode to; the caller maps it to the template engine's integer type. */
export type MakeInt = (digits: string) => unknown;

export interface SetOptions {
  /** `--set-string`: every value stays a string. */
  asString?: boolean;
  makeInt?: MakeInt;
}

const MAX_INDEX = 65536;
const MAX_NESTED_NAME_LEVEL = 30;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

type Values = Record<string, unknown>;

/** Parses one `--set` argument into `dest` (created when absent). Throws Helm's message on malformed input. */
export function parseSetInto(text: string, dest: Values = {}, options: SetOptions = {}): Values {
  const parser = new SetParser(text, options);
  for (;;) {
    if (parser.key(dest, 0) === 'eof') break;
  }
  return dest;
}

/** The value `--set` gives a written scalar: true/false/null (any case), base-10 int64 not starting with 0, else the string. */
export function typedSetValue(text: string, options: SetOptions = {}): unknown {
  if (options.asString) return text;
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  const makeInt = options.makeInt ?? ((d: string) => BigInt(d));
  if (text === '0') return makeInt('0');
  if (text !== '' && text[0] !== '0' && /^[+-]?\d+$/.test(text)) {
    const n = BigInt(text);
    if (n >= INT64_MIN && n <= INT64_MAX) return makeInt(n.toString());
  }
  return text;
}

class SetParser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly options: SetOptions,
  ) {}

  /** Reads up to a stop character (consumed and returned as `last`); `\x` adds x. `last` is undefined at the end. */
  private until(stops: string): { word: string; last?: string } {
    let word = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos++];
      if (stops.includes(c)) return { word, last: c };
      if (c === '\\') {
        if (this.pos >= this.text.length) return { word };
        word += this.text[this.pos++];
        continue;
      }
      word += c;
    }
    return { word };
  }

  /** Parses one `key...=value` entry into `data`; 'eof' when the text is used up. */
  key(data: Values, level: number): 'ok' | 'eof' {
    const { word, last } = this.until('=[,.');
    if (last === undefined) {
      if (word.length === 0) return 'eof';
      throw new Error(`key "${word}" has no value`);
    }
    if (last === '[') {
      const index = this.index();
      const existing = own(data, word);
      const list = this.listItem(Array.isArray(existing) ? existing : [], index, level);
      setKey(data, word, list);
      return this.pos >= this.text.length ? 'eof' : 'ok';
    }
    if (last === '=') {
      const { value, eof } = this.value();
      setKey(data, word, value);
      return eof ? 'eof' : 'ok';
    }
    if (last === ',') {
      setKey(data, word, '');
      throw new Error(`key "${word}" has no value (cannot end with ,)`);
    }
    if (level + 1 > MAX_NESTED_NAME_LEVEL) throw new Error(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
    const current = own(data, word);
    const inner: Values = isMap(current) ? current : {};
    const result = this.key(inner, level + 1);
    const empty = Object.keys(inner).length === 0;
    if (result === 'ok' && empty) throw new Error(`key map "${word}" has no value`);
    if (!empty) setKey(data, word, inner);
    return result;
  }

  /** The value after `=`: a `{a,b}` list, or a scalar up to the next `,`; `eof` only when nothing follows `=` (as Helm). */
  private value(): { value: unknown; eof: boolean } {
    if (this.pos >= this.text.length) return { value: '', eof: true };
    if (this.text[this.pos] === '{') {
      this.pos++;
      return { value: this.list(), eof: false };
    }
    return { value: typedSetValue(this.until(',').word, this.options), eof: false };
  }

  private list(): unknown[] {
    const list: unknown[] = [];
    for (;;) {
      const { word, last } = this.until(',}');
      if (last === undefined) throw new Error("list must terminate with '}'");
      list.push(typedSetValue(word, this.options));
      if (last === '}') {
        if (this.text[this.pos] === ',') this.pos++;
        return list;
      }
    }
  }

  private index(): number {
    const { word, last } = this.until(']');
    if (last === undefined) throw new Error('error parsing index: EOF');
    if (!/^[+-]?\d+$/.test(word)) throw new Error(`strconv.Atoi: parsing "${word}": invalid syntax`);
    return Number(word);
  }

  private listItem(list: unknown[], index: number, level: number): unknown[] {
    if (index < 0) throw new Error(`negative ${index} index not allowed`);
    const { word, last } = this.until('[.=');
    if (word.length > 0) throw new Error(`unexpected data at end of array index: "${word}"`);
    // Helm stops quietly here (`noval[0]` leaves an empty list).
    if (last === undefined) return list;
    if (last === '=') return setIndex(list, index, this.value().value);
    if (last === '[') {
      const next = this.index();
      const existing = list[index];
      return setIndex(list, index, this.listItem(Array.isArray(existing) ? existing : [], next, level));
    }
    const existing = list[index];
    const inner: Values = isMap(existing) ? existing : {};
    this.key(inner, level);
    return setIndex(list, index, inner);
  }
}

function setKey(data: Values, key: string, value: unknown): void {
  if (key.length === 0) return;
  Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });
}

/** An own property only: `__proto__` and friends are plain keys here, never the prototype. */
function own(data: Values, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
}

function setIndex(list: unknown[], index: number, value: unknown): unknown[] {
  if (index < 0) throw new Error(`negative ${index} index not allowed`);
  if (index > MAX_INDEX) throw new Error(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`);
  const out = [...list];
  while (out.length <= index) out.push(null);
  out[index] = value;
  return out;
}

function isMap(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
