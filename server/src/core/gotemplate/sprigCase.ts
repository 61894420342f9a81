/**
 * Sprig's camelcase, snakecase and kebabcase (huandu/xstrings v1.5 ToCamelCase, ToSnakeCase, ToKebabCase, as
 * Helm 3.17 bundles them) and wrap/wrapWith (Masterminds/goutils WrapCustom). Ported rune by rune, quirks kept:
 * `camelcase "__"` is `___`, `camelcase "HTTPServer"` is `Httpserver`.
 */
import { fn, FuncMap } from './funcTypes';
import { GoInt } from './values';

/** Go's unicode.IsSpace. */
const isSpace = (r: string): boolean => /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(r);
const isConnector = (r: string): boolean => r === '-' || r === '_' || isSpace(r);
const isUpper = (r: string): boolean => /^\p{Lu}$/u.test(r);
const isLetter = (r: string): boolean => /^\p{L}$/u.test(r);
const isNumber = (r: string): boolean => /^\p{N}$/u.test(r);
const isPunct = (r: string): boolean => /^\p{P}$/u.test(r);

/** Go's unicode.ToUpper/ToLower map one rune to one rune; a JS mapping to several (ß -> SS) keeps the rune. */
const oneRune = (r: string, mapped: string): string => ([...mapped].length === 1 ? mapped : r);
const toUpper = (r: string): string => oneRune(r, r.toUpperCase());
const toLower = (r: string): string => oneRune(r, r.toLowerCase());

export function camelcase(str: string): string {
  const runes = [...str];
  if (runes.length === 0) return '';
  let out = '';
  let i = 0;
  let r0 = '';
  let firstUpper = false;
  // Leading connectors stay.
  while (i < runes.length) {
    r0 = runes[i++];
    if (!isConnector(r0)) {
      firstUpper = isUpper(r0);
      r0 = toUpper(r0);
      break;
    }
    out += r0;
  }
  if (i >= runes.length) return out + r0;
  while (i < runes.length) {
    const r1 = r0;
    r0 = runes[i++];
    if (isConnector(r0) && isConnector(r1)) {
      out += r1;
      continue;
    }
    if (isConnector(r1)) {
      firstUpper = isUpper(r0);
      r0 = toUpper(r0);
    } else {
      if (firstUpper) {
        if (isUpper(r0)) r0 = toLower(r0);
        else firstUpper = false;
      }
      out += r1;
    }
  }
  return out + r0;
}

type WordType = 'invalid' | 'number' | 'upper' | 'alphabet' | 'connector' | 'punct' | 'other';
interface Word { type: WordType; word: string; rest: string[] }

/** xstrings nextWord: the next run of one kind (an upper-case run gives back its last letter to a following word). */
function nextWord(runes: string[]): Word {
  if (runes.length === 0) return { type: 'invalid', word: '', rest: [] };
  const r = runes[0];
  let n = 1;
  const run = (keep: (c: string) => boolean): void => {
    while (n < runes.length && keep(runes[n])) n++;
  };
  let type: WordType;
  if (isConnector(r)) {
    type = 'connector';
    run(isConnector);
  } else if (isPunct(r)) {
    type = 'punct';
    run(isPunct);
  } else if (isUpper(r)) {
    type = 'upper';
    if (n < runes.length) {
      if (isUpper(runes[n])) {
        run(isUpper);
        // "HTTPStatus" splits into "HTTP" and "Status".
        if (n < runes.length && isLetter(runes[n])) n--;
      } else if (isLetter(runes[n])) {
        run((c) => isLetter(c) && !isUpper(c));
      }
    }
  } else if (isLetter(r)) {
    type = 'alphabet';
    run((c) => isLetter(c) && !isUpper(c));
  } else if (isNumber(r)) {
    type = 'number';
    run(isNumber);
  } else {
    type = 'other';
    run((c) => !(isConnector(c) || isLetter(c) || isNumber(c) || isPunct(c)));
  }
  return { type, word: runes.slice(0, n).join(''), rest: runes.slice(n) };
}

function lowerWord(type: WordType, word: string, connector: string): string {
  if (type !== 'upper' && type !== 'connector') return word;
  let out = '';
  for (const r of word) out += isConnector(r) ? connector : isUpper(r) ? toLower(r) : r;
  return out;
}

/** xstrings camelCaseToLowerCase. */
function toLowerCase(str: string, connector: string): string {
  if (str === '') return '';
  let out = '';
  let cur: Word = nextWord([...str]);
  const advance = (): WordType => {
    cur = nextWord(cur.rest);
    return cur.type;
  };
  const isRunOfLetters = (): boolean => cur.type === 'alphabet' || cur.type === 'number';
  while (cur.rest.length > 0) {
    if (cur.type !== 'connector') out += lowerWord(cur.type, cur.word, connector);
    const prev = cur;
    const next = advance();
    if (prev.type === 'number') {
      while (isRunOfLetters()) {
        out += lowerWord(cur.type, cur.word, connector);
        advance();
      }
      if (!['invalid', 'punct', 'connector'].includes(cur.type)) out += connector;
    } else if (prev.type === 'connector') {
      out += lowerWord(prev.type, prev.word, connector);
    } else if (prev.type !== 'punct') {
      if (next !== 'number') {
        if (next !== 'connector' && next !== 'punct') out += connector;
        continue;
      }
      if (cur.rest.length === 0) continue;
      const number = cur.word;
      // A number followed by something other than letters belongs to the previous word: "Bld4Floor" -> "bld4_floor".
      if (advance() !== 'alphabet') {
        out += number;
        if (cur.type !== 'connector' && cur.type !== 'punct') out += connector;
        continue;
      }
      // Lower-case letters after a number start a new word at the number: "HTTP2xx" -> "http_2xx".
      out += connector + number;
      while (isRunOfLetters()) {
        out += lowerWord(cur.type, cur.word, connector);
        advance();
      }
      if (!['invalid', 'punct', 'connector'].includes(cur.type)) out += connector;
    }
  }
  return out + lowerWord(cur.type, cur.word, connector);
}

export const snakecase = (s: string): string => toLowerCase(s, '_');
export const kebabcase = (s: string): string => toLowerCase(s, '-');

/** goutils WrapCustom, on UTF-8 bytes as Go indexes strings. */
export function wrapCustom(str: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (str === '') return '';
  const nl = Buffer.from(newLine === '' ? '\n' : newLine, 'utf8');
  const width = Math.max(1, wrapLength);
  const b = Buffer.from(str, 'utf8');
  const SPACE = 0x20;
  const parts: Buffer[] = [];
  let offset = 0;
  while (b.length - offset > width) {
    if (b[offset] === SPACE) {
      offset++;
      continue;
    }
    const end = width + offset + 1;
    const at = b.subarray(offset, end).lastIndexOf(SPACE);
    if (at >= 0) {
      parts.push(b.subarray(offset, offset + at), nl);
      offset += at + 1;
    } else if (wrapLongWords) {
      parts.push(b.subarray(offset, offset + width), nl);
      offset += width;
    } else {
      const index = b.indexOf(SPACE, width + offset);
      if (index < 0) {
        parts.push(b.subarray(offset));
        offset = b.length;
      } else {
        parts.push(b.subarray(offset, index), nl);
        offset = index + 1;
      }
    }
  }
  parts.push(b.subarray(offset));
  return Buffer.concat(parts).toString('utf8');
}

export const sprigCaseFuncs: FuncMap = {
  camelcase: fn(['string'], camelcase),
  snakecase: fn(['string'], snakecase),
  kebabcase: fn(['string'], kebabcase),
  wrap: fn(['int', 'string'], (l: GoInt, s: string) => wrapCustom(s, Number(l.value), '', false)),
  wrapWith: fn(['int', 'string', 'string'], (l: GoInt, sep: string, s: string) => wrapCustom(s, Number(l.value), sep, true)),
};
