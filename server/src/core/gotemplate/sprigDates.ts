/**
 * Sprig's date functions (date.go) on a fixed clock: `now` is always FIXED_NOW (UTC) and records a caveat,
 * since Argo CD renders the real time on every sync (the app stays OutOfSync). "Local" is UTC, as in Argo
 * CD's repo-server image. Layouts follow Go's reference time (Mon Jan 2 15:04:05 MST 2006).
 */
import { CallContext, fn, FuncError, FuncMap } from './funcTypes';
import { GoInt, GoStruct, goInt64 } from './values';

/** The instant `now` returns. */
export const FIXED_NOW = Date.UTC(2026, 0, 1, 0, 0, 0);

export class GoTime extends GoStruct {
  constructor(readonly ms: number, readonly offsetMinutes = 0, readonly zone = 'UTC') {
    super();
  }
  goString(): string {
    return formatLayout(this, '2006-01-02 15:04:05.999999999 -0700 MST');
  }
  goTypeName(): string {
    return 'time.Time';
  }
  /** Methods templates call on a time.Time. */
  Unix(): GoInt { return goInt64(Math.floor(this.ms / 1000)); }
  UTC(): GoTime { return new GoTime(this.ms); }
  Format(layout: string): string { return formatLayout(this, layout); }
  Year(): GoInt { return new GoInt(BigInt(this.fields().getUTCFullYear())); }
  private fields(): Date { return new Date(this.ms + this.offsetMinutes * 60_000); }
  wall(): Date { return this.fields(); }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TOKENS = /January|Monday|2006|-07:00:00|-07:00|-0700|Z07:00|Z0700|Jan|Mon|MST|002|_2|01|02|03|04|05|06|15|PM|pm|-07|[.,][09]+|1|2|3|4|5/g;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Go's Time.Format for the common layout elements. */
export function formatLayout(t: GoTime, layout: string): string {
  const d = t.wall();
  const off = t.offsetMinutes;
  const sign = off < 0 ? '-' : '+';
  const oh = pad(Math.floor(Math.abs(off) / 60));
  const om = pad(Math.abs(off) % 60);
  const hour12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  return layout.replace(TOKENS, (tok) => {
    switch (tok) {
      case 'January': return MONTHS[d.getUTCMonth()];
      case 'Jan': return MONTHS[d.getUTCMonth()].slice(0, 3);
      case 'Monday': return DAYS[d.getUTCDay()];
      case 'Mon': return DAYS[d.getUTCDay()].slice(0, 3);
      case '2006': return pad(d.getUTCFullYear(), 4);
      case '06': return pad(d.getUTCFullYear() % 100);
      case '01': return pad(d.getUTCMonth() + 1);
      case '1': return String(d.getUTCMonth() + 1);
      case '02': return pad(d.getUTCDate());
      case '2': return String(d.getUTCDate());
      case '_2': return String(d.getUTCDate()).padStart(2, ' ');
      case '002': return pad(Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, 3);
      case '15': return pad(d.getUTCHours());
      case '03': return pad(hour12);
      case '3': return String(hour12);
      case '04': return pad(d.getUTCMinutes());
      case '4': return String(d.getUTCMinutes());
      case '05': return pad(d.getUTCSeconds());
      case '5': return String(d.getUTCSeconds());
      case 'PM': return d.getUTCHours() >= 12 ? 'PM' : 'AM';
      case 'pm': return d.getUTCHours() >= 12 ? 'pm' : 'am';
      case 'MST': return t.zone;
      case '-0700': return `${sign}${oh}${om}`;
      case '-07:00': return `${sign}${oh}:${om}`;
      case '-07:00:00': return `${sign}${oh}:${om}:00`;
      case '-07': return `${sign}${oh}`;
      case 'Z0700': return off === 0 ? 'Z' : `${sign}${oh}${om}`;
      case 'Z07:00': return off === 0 ? 'Z' : `${sign}${oh}:${om}`;
      default: {
        // Fractional seconds: .000 keeps zeros, .999 trims them (and the dot when nothing is left).
        const digits = tok.length - 1;
        const frac = pad(d.getUTCMilliseconds(), 3).padEnd(9, '0').slice(0, digits);
        if (tok[1] === '0') return tok[0] + frac;
        const trimmed = frac.replace(/0+$/, '');
        return trimmed ? tok[0] + trimmed : '';
      }
    }
  });
}

/** A zone's offset at an instant, through Intl (IANA names); unknown zones are UTC as Sprig falls back. */
function inZone(ms: number, zone: string): GoTime {
  if (zone === 'UTC' || zone === 'Local' || zone === '') return new GoTime(ms);
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(new Date(ms));
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d+)(?::(\d+))?/.exec(name);
    const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
    const abbr = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'UTC';
    return new GoTime(ms, offset, /^GMT/.test(abbr) ? (offset === 0 ? 'UTC' : formatLayout(new GoTime(0, offset), '-07')) : abbr);
  } catch {
    return new GoTime(ms);
  }
}

/** Sprig accepts a time.Time or unix seconds; anything else means now. */
function instant(this: CallContext, v: unknown): number {
  if (v instanceof GoTime) return v.ms;
  if (v instanceof GoInt) return Number(v.value) * 1000;
  this.caveat('now');
  return FIXED_NOW;
}

/** Go's time.ParseDuration (h, m, s, ms, us, µs, ns units; signed; fractions). */
export function parseDuration(s: string): number {
  const m = /^([-+]?)((?:\d*\.?\d+(?:ns|us|µs|ms|s|m|h))+)$/.exec(s);
  if (!m) throw new FuncError(`time: invalid duration "${s}"`);
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const [, num, u] of m[2].matchAll(/(\d*\.?\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(num) * unit[u];
  return m[1] === '-' ? -total : total;
}

/** Go's Duration.String for whole seconds: 1h2m3s, 0s. */
export function durationString(seconds: number): string {
  if (seconds === 0) return '0s';
  const neg = seconds < 0;
  let s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return (neg ? '-' : '') + (h ? `${h}h${m}m` : m ? `${m}m` : '') + `${s}s`;
}

function dateInZone(this: CallContext, layout: string, t: unknown, zone: string): string {
  return formatLayout(inZone(instant.call(this, t), zone), layout);
}

export const sprigDateFuncs: FuncMap = {
  now: fn([], function (this: CallContext) { this.caveat('now'); return new GoTime(FIXED_NOW); }),
  date: fn(['string', 'any'], function (this: CallContext, layout: string, t: unknown) { return dateInZone.call(this, layout, t, 'UTC'); }),
  dateInZone: fn(['string', 'any', 'string'], dateInZone),
  date_in_zone: fn(['string', 'any', 'string'], dateInZone),
  htmlDate: fn(['any'], function (this: CallContext, t: unknown) { return dateInZone.call(this, '2006-01-02', t, 'UTC'); }),
  htmlDateInZone: fn(['any', 'string'], function (this: CallContext, t: unknown, zone: string) { return dateInZone.call(this, '2006-01-02', t, zone); }),
  unixEpoch: fn(['any'], (t: unknown) => {
    if (!(t instanceof GoTime)) throw new FuncError('wrong type for value; expected time.Time');
    return String(Math.floor(t.ms / 1000));
  }),
  dateModify: fn(['string', 'any'], (d: string, t: unknown) => (t instanceof GoTime ? new GoTime(t.ms + parseDuration(d), t.offsetMinutes, t.zone) : t)),
  mustDateModify: fn(['string', 'any'], (d: string, t: unknown) => (t instanceof GoTime ? new GoTime(t.ms + parseDuration(d), t.offsetMinutes, t.zone) : t)),
  must_date_modify: fn(['string', 'any'], (d: string, t: unknown) => (t instanceof GoTime ? new GoTime(t.ms + parseDuration(d), t.offsetMinutes, t.zone) : t)),
  date_modify: fn(['string', 'any'], (d: string, t: unknown) => (t instanceof GoTime ? new GoTime(t.ms + parseDuration(d), t.offsetMinutes, t.zone) : t)),
  // Sprig's toDuration reads only int64 and decimal strings; anything else (an int literal too) is 0s.
  duration: fn(['any'], (v: unknown) => durationString(v instanceof GoInt && v.goType === 'int64' ? Number(v.value) : typeof v === 'string' && /^[-+]?\d+$/.test(v) ? Number(v) : 0)),
  ago: fn(['any'], function (this: CallContext, t: unknown) {
    this.caveat('ago');
    return durationString(Math.round((FIXED_NOW - instant.call(this, t)) / 1000));
  }),
};
