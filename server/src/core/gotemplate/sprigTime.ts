/**
 * Sprig's toDate/mustToDate (Go's time.ParseInLocation with Local, which is UTC as in Argo CD's repo-server)
 * and durationRound. The layout parser is a port of Go's time.parse for the layout elements Sprig users write;
 * times keep millisecond precision.
 */
import { GoTime, parseDuration } from './sprigDates';
import { fn, FuncError, FuncMap } from './funcTypes';
import { GoInt } from './values';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Layout elements in Go's nextStdChunk order of preference at one position. */
const CHUNK = /January|Jan(?![a-z])|Monday|Mon(?![a-z])|MST|2006|-07:00:00|-070000|-07:00|-0700|-07|Z07:00:00|Z070000|Z07:00|Z0700|Z07|002|__2|_2|01|02|03|04|05|06|15|PM|pm|[.,](?:0+|9+)(?![0-9])|[12345]/g;

class ParseError extends Error {}

const isDigit = (s: string, i: number): boolean => i < s.length && s[i] >= '0' && s[i] <= '9';
const quote = (s: string): string => JSON.stringify(s);

/** Go's getnum: one or two digits (exactly two when `fixed`). */
function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigit(s, 0)) throw new ParseError();
  if (!isDigit(s, 1)) {
    if (fixed) throw new ParseError();
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

/** Go's skip: literal text, where a space matches any run of spaces. */
function skip(value: string, prefix: string): string {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') throw new ParseError();
      prefix = prefix.replace(/^ +/, '');
      value = value.replace(/^ +/, '');
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) throw new ParseError();
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}

/** Case-insensitive name lookup (Go's lookup): index and the rest of the value. */
function lookup(names: string[], value: string): [number, string] {
  for (let i = 0; i < names.length; i++) {
    if (value.length >= names[i].length && value.slice(0, names[i].length).toLowerCase() === names[i].toLowerCase()) return [i, value.slice(names[i].length)];
  }
  throw new ParseError();
}

/** Go's parseTimeZone: the length of a zone abbreviation at the start of `value`, or 0. */
function zoneLength(value: string): number {
  if (value.length < 3) return 0;
  if (value.length >= 4 && (value.slice(0, 4) === 'ChST' || value.slice(0, 4) === 'MeST')) return 4;
  if (value.startsWith('GMT')) {
    const m = /^GMT([+-]\d{1,2})?/.exec(value);
    return m && m[1] && Math.abs(Number(m[1])) <= 23 ? m[0].length : 3;
  }
  if (value[0] === '+' || value[0] === '-') {
    const m = /^[+-]\d{1,2}/.exec(value);
    return m && Math.abs(Number(m[0])) <= 23 ? m[0].length : 0;
  }
  let n = 0;
  while (n < value.length && value[n] >= 'A' && value[n] <= 'Z') n++;
  if (n === 3) return 3;
  if (n === 4) return value[3] === 'T' || value.slice(0, 4) === 'WITA' ? 4 : 0;
  if (n === 5) return value[4] === 'T' ? 5 : 0;
  return 0;
}

const daysIn = (month: number, year: number): number => new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 1 : 0);

/** The UTC instant of a civil date (any year, including 0 and 1). */
function civil(year: number, month: number, day: number, hour: number, min: number, sec: number, ms: number): number {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, min, sec, ms));
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** Go's time.Parse with Local = UTC. Throws FuncError with Go's ParseError text. */
export function parseGoTime(layout: string, input: string): GoTime {
  let value = input;
  let year = 0;
  let month = -1;
  let day = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let ms = 0;
  let pm = false;
  let am = false;
  let utc = false;
  let zoneOffset: number | undefined;
  let zoneName = '';
  let rest = layout;
  const fail = (layoutElem: string, valueElem: string, message = ''): never => {
    throw new FuncError(message ? `parsing time ${quote(input)}${message}` : `parsing time ${quote(input)} as ${quote(layout)}: cannot parse ${quote(valueElem)} as ${quote(layoutElem)}`);
  };
  for (;;) {
    CHUNK.lastIndex = 0;
    const m = CHUNK.exec(rest);
    const prefix = m ? rest.slice(0, m.index) : rest;
    try {
      value = skip(value, prefix);
    } catch {
      fail(prefix, value);
    }
    if (!m) break;
    const std = m[0];
    rest = rest.slice(m.index + std.length);
    const hold = value;
    let range = '';
    try {
      switch (std) {
        case '2006':
          if (value.length < 4 || !isDigit(value, 0)) throw new ParseError();
          if (!/^\d{4}$/.test(value.slice(0, 4))) throw new ParseError();
          year = Number(value.slice(0, 4));
          value = value.slice(4);
          break;
        case '06': {
          let y: number;
          [y, value] = getnum(value, true);
          year = y >= 69 ? 1900 + y : 2000 + y;
          break;
        }
        case 'January': case 'Jan': [month, value] = lookup(std === 'Jan' ? MONTHS.map((x) => x.slice(0, 3)) : MONTHS, value); month++; break;
        case 'Monday': case 'Mon': [, value] = lookup(std === 'Mon' ? DAYS.map((x) => x.slice(0, 3)) : DAYS, value); break;
        case '01': case '1':
          [month, value] = getnum(value, std === '01');
          if (month <= 0 || month > 12) range = 'month';
          break;
        case '02': case '2': case '_2': case '__2':
          if (std === '_2' && value[0] === ' ') value = value.slice(1);
          [day, value] = getnum(value, std === '02');
          break;
        case '002': {
          const d = /^\d{3}/.exec(value);
          if (!d) throw new ParseError();
          value = value.slice(3);
          break;
        }
        case '15':
          [hour, value] = getnum(value, false);
          if (hour < 0 || hour >= 24) range = 'hour';
          break;
        case '03': case '3':
          [hour, value] = getnum(value, std === '03');
          if (hour < 0 || hour > 12) range = 'hour';
          break;
        case '04': case '4':
          [min, value] = getnum(value, std === '04');
          if (min < 0 || min >= 60) range = 'minute';
          break;
        case '05': case '5': {
          [sec, value] = getnum(value, std === '05');
          if (sec < 0 || sec >= 60) { range = 'second'; break; }
          // A fraction the layout does not spell out is still read, unless the layout's next element is one.
          if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigit(value, 1)) {
            CHUNK.lastIndex = 0;
            const next = CHUNK.exec(rest);
            if (next && next.index === 0 && /^[.,]/.test(next[0])) break;
            let n = 2;
            while (isDigit(value, n)) n++;
            ms = Math.floor(Number(`0.${value.slice(1, n)}`) * 1000);
            value = value.slice(n);
          }
          break;
        }
        case 'PM': case 'pm': {
          if (value.length < 2) throw new ParseError();
          const p = value.slice(0, 2);
          value = value.slice(2);
          if (p === (std === 'PM' ? 'PM' : 'pm')) pm = true;
          else if (p === (std === 'PM' ? 'AM' : 'am')) am = true;
          else throw new ParseError();
          break;
        }
        case 'MST': {
          if (value.startsWith('UTC')) { utc = true; value = value.slice(3); break; }
          const n = zoneLength(value);
          if (n === 0) throw new ParseError();
          zoneName = value.slice(0, n);
          value = value.slice(n);
          break;
        }
        default:
          if (std.startsWith('Z') || std.startsWith('-')) {
            if (std.startsWith('Z') && value[0] === 'Z') { utc = true; value = value.slice(1); break; }
            const form = std.slice(1);
            let sign: string, hh: string, mm = '00', ss = '00';
            if (form === '07:00') {
              if (value.length < 6 || value[3] !== ':') throw new ParseError();
              [sign, hh, mm, value] = [value[0], value.slice(1, 3), value.slice(4, 6), value.slice(6)];
            } else if (form === '07') {
              if (value.length < 3) throw new ParseError();
              [sign, hh, value] = [value[0], value.slice(1, 3), value.slice(3)];
            } else if (form === '07:00:00') {
              if (value.length < 9 || value[3] !== ':' || value[6] !== ':') throw new ParseError();
              [sign, hh, mm, ss, value] = [value[0], value.slice(1, 3), value.slice(4, 6), value.slice(7, 9), value.slice(9)];
            } else if (form === '070000') {
              if (value.length < 7) throw new ParseError();
              [sign, hh, mm, ss, value] = [value[0], value.slice(1, 3), value.slice(3, 5), value.slice(5, 7), value.slice(7)];
            } else {
              if (value.length < 5) throw new ParseError();
              [sign, hh, mm, value] = [value[0], value.slice(1, 3), value.slice(3, 5), value.slice(5)];
            }
            const [h] = getnum(hh, true);
            const [mi] = getnum(mm, true);
            const [s] = getnum(ss, true);
            if (sign !== '+' && sign !== '-') throw new ParseError();
            zoneOffset = (sign === '-' ? -1 : 1) * ((h * 60 + mi) * 60 + s);
            break;
          }
          // Fractional seconds: .000 needs exactly that many digits, .999 reads what is there.
          if (std[1] === '0') {
            const n = std.length;
            if (value.length < n || (value[0] !== '.' && value[0] !== ',') || !/^\d+$/.test(value.slice(1, n))) throw new ParseError();
            ms = Math.floor(Number(`0.${value.slice(1, n)}`) * 1000);
            value = value.slice(n);
          } else if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigit(value, 1)) {
            let n = 1;
            while (isDigit(value, n)) n++;
            ms = Math.floor(Number(`0.${value.slice(1, n)}`) * 1000);
            value = value.slice(n);
          }
      }
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      fail(std, hold);
    }
    if (range) fail(std, hold, `: ${range} out of range`);
  }
  if (value.length > 0) fail('', value, `: extra text: ${quote(value)}`);
  if (pm && hour < 12) hour += 12;
  else if (am && hour === 12) hour = 0;
  if (month < 0) month = 1;
  if (day < 0) day = 1;
  if (day < 1 || day > daysIn(month, year)) fail('', value, ': day out of range');
  const wall = civil(year, month, day, hour, min, sec, ms);
  if (utc) return new GoTime(wall);
  if (zoneOffset !== undefined) {
    // Local (UTC) is used when the offset is its own; otherwise a zone with no name, printed as the offset.
    if (zoneOffset === 0 && (zoneName === '' || zoneName === 'UTC')) return new GoTime(wall);
    const minutes = Math.trunc(zoneOffset / 60);
    const abs = Math.abs(minutes);
    const name = zoneName || `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
    return new GoTime(wall - zoneOffset * 1000, minutes, name);
  }
  if (zoneName !== '') {
    // An abbreviation Local does not know: offset 0 (GMT+n gives n hours), named as written.
    const gmt = /^GMT([+-]\d+)$/.exec(zoneName);
    const hours = gmt ? Number(gmt[1]) : 0;
    return new GoTime(wall - hours * 3_600_000, hours * 60, zoneName);
  }
  return new GoTime(wall);
}

/** The zero time.Time: 0001-01-01 00:00:00 UTC. */
const zeroTime = (): GoTime => new GoTime(civil(1, 1, 1, 0, 0, 0, 0));

/** Sprig's durationRound: the largest whole unit (y = 365 days, mo = 30 days) of a duration string or int64 nanoseconds. */
export function durationRound(v: unknown): string {
  let ns = 0n;
  if (typeof v === 'string') {
    try {
      ns = BigInt(Math.round(parseDuration(v) * 1e6));
    } catch {
      ns = 0n;
    }
  } else if (v instanceof GoInt && v.goType === 'int64') {
    ns = v.value;
  } else if (v instanceof GoTime) {
    ns = 0n;
  }
  const u = ns < 0n ? -ns : ns;
  const second = 1_000_000_000n;
  const units: [bigint, string][] = [[second * 3600n * 24n * 365n, 'y'], [second * 3600n * 24n * 30n, 'mo'], [second * 3600n * 24n, 'd'], [second * 3600n, 'h'], [second * 60n, 'm'], [second, 's']];
  for (const [size, unit] of units) if (u > size) return `${u / size}${unit}`;
  return '0s';
}

export const sprigTimeFuncs: FuncMap = {
  toDate: fn(['string', 'string'], (layout: string, s: string) => {
    try {
      return parseGoTime(layout, s);
    } catch {
      return zeroTime();
    }
  }),
  mustToDate: fn(['string', 'string'], (layout: string, s: string) => parseGoTime(layout, s)),
  durationRound: fn(['any'], durationRound),
};
