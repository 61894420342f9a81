/**
 * Sprig's urlParse and urlJoin over a port of Go's net/url (Parse, URL.String, escaping), for the URL forms
 * charts use: scheme, userinfo, host and port (IPv6 in brackets), path, query, fragment, opaque URLs.
 */
import { fn, FuncError, FuncMap } from './funcTypes';
import { typeName } from './values';

type Mode = 'path' | 'host' | 'userPassword' | 'fragment';

class UrlError extends Error {}

function shouldEscape(c: number, mode: Mode): boolean {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch)) return false;
  if (mode === 'host' && `!$&'()*+,;=:[]<>"`.includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    if (mode === 'path') return ch === '?';
    if (mode === 'userPassword') return '@/?:'.includes(ch);
    if (mode === 'fragment') return false;
  }
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

/** Go's url.escape (percent-encoding of UTF-8 bytes, upper-case hex). */
function escape(s: string, mode: Mode): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) out += shouldEscape(b, mode) ? `%${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
  return out;
}

/** Go's url.unescape for the non-query modes: `%XX` decoded, `+` kept. */
function unescape(s: string): string {
  const bytes: number[] = [];
  const raw = Buffer.from(s, 'utf8');
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === 0x25) {
      const hex = raw.subarray(i + 1, i + 3).toString('latin1');
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new UrlError(`invalid URL escape ${JSON.stringify(raw.subarray(i, i + 3).toString('utf8'))}`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(raw[i]);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

interface GoUrl { scheme: string; opaque: string; user?: { username: string; password?: string }; host: string; path: string; rawQuery: string; forceQuery: boolean; fragment: string }

const userString = (u: NonNullable<GoUrl['user']>): string => escape(u.username, 'userPassword') + (u.password === undefined ? '' : `:${escape(u.password, 'userPassword')}`);

function parseAuthority(authority: string): Pick<GoUrl, 'user' | 'host'> {
  const at = authority.lastIndexOf('@');
  const host = parseHost(at < 0 ? authority : authority.slice(at + 1));
  if (at < 0) return { host };
  const userinfo = authority.slice(0, at);
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new UrlError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  const user = colon < 0 ? { username: unescape(userinfo) } : { username: unescape(userinfo.slice(0, colon)), password: unescape(userinfo.slice(colon + 1)) };
  return { user, host };
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) throw new UrlError('missing \']\' in host');
    const port = host.slice(close + 1);
    if (!/^(:\d*)?$/.test(port)) throw new UrlError(`invalid port ${JSON.stringify(port)} after host`);
    return unescape(host);
  }
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && !/^:\d*$/.test(host.slice(colon))) throw new UrlError(`invalid port ${JSON.stringify(host.slice(colon))} after host`);
  return unescape(host);
}

/** Go's url.Parse. */
export function parseUrl(raw: string): GoUrl {
  const hash = raw.indexOf('#');
  const u = parseNoFragment(hash < 0 ? raw : raw.slice(0, hash));
  if (hash >= 0) u.fragment = unescape(raw.slice(hash + 1));
  return u;
}

function parseNoFragment(raw: string): GoUrl {
  const u: GoUrl = { scheme: '', opaque: '', host: '', path: '', rawQuery: '', forceQuery: false, fragment: '' };
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw new UrlError('net/url: invalid control character in URL');
  if (raw === '') return u;
  let rest = raw;
  const scheme = /^([A-Za-z][A-Za-z0-9+\-.]*):/.exec(raw);
  if (raw.startsWith(':')) throw new UrlError('missing protocol scheme');
  if (scheme) {
    u.scheme = scheme[1].toLowerCase();
    rest = raw.slice(scheme[0].length);
  }
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      u.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') {
      u.opaque = rest;
      return u;
    }
    const slash = rest.indexOf('/');
    if ((slash < 0 ? rest : rest.slice(0, slash)).includes(':')) throw new UrlError('first path segment in URL cannot contain colon');
  }
  if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    const after = rest.slice(2);
    const slash = after.indexOf('/');
    Object.assign(u, parseAuthority(slash < 0 ? after : after.slice(0, slash)));
    rest = slash < 0 ? '' : after.slice(slash);
  }
  u.path = unescape(rest);
  return u;
}

/** Go's URL.String for a URL built from fields (no raw path or fragment). */
export function urlString(u: GoUrl): string {
  let out = '';
  if (u.scheme !== '') out += `${u.scheme}:`;
  if (u.opaque !== '') {
    out += u.opaque;
  } else {
    if (u.scheme !== '' || u.host !== '' || u.user) {
      if (u.host !== '' || u.path !== '' || u.user) out += '//';
      if (u.user) out += `${userString(u.user)}@`;
      if (u.host !== '') out += escape(u.host, 'host');
    }
    const path = u.path === '*' ? '*' : escape(u.path, 'path');
    if (path !== '' && path[0] !== '/' && u.host !== '') out += '/';
    if (out === '' && path.split('/')[0].includes(':')) out += './';
    out += path;
  }
  if (u.forceQuery || u.rawQuery !== '') out += `?${u.rawQuery}`;
  if (u.fragment !== '') out += `#${escape(u.fragment, 'fragment')}`;
  return out;
}

function hostname(host: string): string {
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    return close < 0 ? host.slice(1) : host.slice(1, close);
  }
  const colon = host.lastIndexOf(':');
  return colon >= 0 && /^:\d*$/.test(host.slice(colon)) ? host.slice(0, colon) : host;
}

function urlParse(v: string): Record<string, unknown> {
  let u: GoUrl;
  try {
    u = parseUrl(v);
  } catch (e) {
    if (!(e instanceof UrlError)) throw e;
    throw new FuncError(`unable to parse url: parse ${JSON.stringify(v)}: ${e.message}`);
  }
  return { scheme: u.scheme, host: u.host, hostname: hostname(u.host), path: u.path, query: u.rawQuery, opaque: u.opaque, fragment: u.fragment, userinfo: u.user ? userString(u.user) : '' };
}

function urlJoin(d: Record<string, unknown>): string {
  const get = (key: string): string => {
    const v = d[key];
    if (v === undefined) return '';
    if (typeof v !== 'string') throw new FuncError(`unable to parse ${key} key, must be of type string, but ${typeName(v)} found`);
    return v;
  };
  const u: GoUrl = { scheme: get('scheme'), host: get('host'), path: get('path'), rawQuery: get('query'), opaque: get('opaque'), fragment: get('fragment'), forceQuery: false };
  const userinfo = get('userinfo');
  if (userinfo !== '') {
    const probe = `proto://${userinfo}@host`;
    try {
      u.user = parseUrl(probe).user;
    } catch (e) {
      if (!(e instanceof UrlError)) throw e;
      throw new FuncError(`unable to parse userinfo in dict: parse ${JSON.stringify(probe)}: ${e.message}`);
    }
  }
  return urlString(u);
}

export const sprigUrlFuncs: FuncMap = {
  urlParse: fn(['string'], urlParse),
  urlJoin: fn(['map'], urlJoin),
};
