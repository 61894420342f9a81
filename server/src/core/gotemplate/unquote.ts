/** Go's strconv.Unquote for "..." strings and '...' character constants. */

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** Decodes the body of a Go interpreted string literal; returns undefined when it is malformed. */
export function unquoteGo(quoted: string): string | undefined {
  const body = quoted.slice(1, -1);
  let out = '';
  const bytes: number[] = [];
  const flushBytes = (): void => {
    if (bytes.length) out += Buffer.from(bytes).toString('utf8');
    bytes.length = 0;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      flushBytes();
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return undefined;
    if (e in SIMPLE) {
      flushBytes();
      out += SIMPLE[e];
    } else if (e === 'x' || /[0-7]/.test(e)) {
      const hex = e === 'x';
      const digits = hex ? body.slice(i + 1, i + 3) : body.slice(i, i + 3);
      if (!(hex ? /^[0-9a-fA-F]{2}$/ : /^[0-7]{3}$/).test(digits)) return undefined;
      bytes.push(parseInt(digits, hex ? 16 : 8));
      i += hex ? 2 : 2;
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      const digits = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(digits)) return undefined;
      flushBytes();
      out += String.fromCodePoint(parseInt(digits, 16));
      i += n;
    } else return undefined;
  }
  flushBytes();
  return out;
}
