/** Lexer ported from Go's text/template/parse/lex.go: turns template text into tokens with byte-free offsets. */

export type TokenKind =
  | 'text' | 'leftDelim' | 'rightDelim' | 'identifier' | 'field' | 'variable' | 'declare' | 'assign'
  | 'pipe' | 'leftParen' | 'rightParen' | 'string' | 'rawString' | 'char' | 'number' | 'bool' | 'nil'
  | 'dot' | 'comma' | 'space' | 'keyword' | 'error' | 'eof'
  /** Any other printable ASCII character inside an action (Go's itemChar); the parser rejects it. */
  | 'other';

export interface Token {
  kind: TokenKind;
  value: string;
  /** UTF-16 offset of the token in the template text. */
  pos: number;
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);
const SPACE = /[ \t\r\n]/;
const ALNUM = /[\p{L}\p{Nd}_]/u;

/** Tokenises the whole template; the last token is 'eof' or 'error'. */
export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let parenDepth = 0;
  const emit = (kind: TokenKind, start: number, value = text.slice(start, pos)): void => {
    tokens.push({ kind, value, pos: start });
  };
  const fail = (message: string): Token[] => {
    tokens.push({ kind: 'error', value: message, pos });
    return tokens;
  };
  while (pos <= text.length) {
    // Text up to the next action.
    const open = text.indexOf('{{', pos);
    if (open < 0) {
      if (pos < text.length) emit('text', pos, text.slice(pos));
      tokens.push({ kind: 'eof', value: '', pos: text.length });
      return tokens;
    }
    const trimLeft = text.startsWith('{{- ', open) || /^\{\{-[\t\r\n]/.test(text.slice(open, open + 4));
    let textEnd = open;
    if (trimLeft) while (textEnd > pos && SPACE.test(text[textEnd - 1])) textEnd--;
    if (textEnd > pos) emit('text', pos, text.slice(pos, textEnd));
    pos = open + 2 + (trimLeft ? 2 : 0);
    // Comments: {{/* ... */}} with optional trim markers.
    if (text.startsWith('/*', pos)) {
      const close = text.indexOf('*/', pos + 2);
      if (close < 0) return fail('unclosed comment');
      pos = close + 2;
      const trimRight = isRightTrim(text, pos);
      if (trimRight) pos += 2;
      if (!text.startsWith('}}', pos)) return fail('comment ends before closing delimiter');
      pos += 2;
      if (trimRight) while (pos < text.length && SPACE.test(text[pos])) pos++;
      continue;
    }
    emit('leftDelim', open, '{{');
    // Inside the action.
    for (;;) {
      if (isRightTrim(text, pos) || text.startsWith('}}', pos)) {
        if (parenDepth > 0) return fail('unclosed left paren');
        const trimRight = isRightTrim(text, pos);
        const start = pos;
        pos += trimRight ? 4 : 2;
        emit('rightDelim', start, '}}');
        if (trimRight) while (pos < text.length && SPACE.test(text[pos])) pos++;
        break;
      }
      if (pos >= text.length) return fail('unclosed action');
      const c = text[pos];
      const start = pos;
      if (SPACE.test(c)) {
        while (pos < text.length && SPACE.test(text[pos]) && !isRightTrim(text, pos)) pos++;
        emit('space', start);
      } else if (c === '=') {
        pos++;
        emit('assign', start);
      } else if (c === ':') {
        if (text[pos + 1] !== '=') return fail('expected :=');
        pos += 2;
        emit('declare', start);
      } else if (c === '|') {
        pos++;
        emit('pipe', start);
      } else if (c === '"') {
        pos++;
        while (text[pos] !== '"') {
          if (pos >= text.length || text[pos] === '\n') return fail('unterminated quoted string');
          if (text[pos] === '\\') pos++;
          pos++;
        }
        pos++;
        emit('string', start);
      } else if (c === '`') {
        const close = text.indexOf('`', pos + 1);
        if (close < 0) return fail('unterminated raw quoted string');
        pos = close + 1;
        emit('rawString', start);
      } else if (c === "'") {
        pos++;
        while (text[pos] !== "'") {
          if (pos >= text.length || text[pos] === '\n') return fail('unterminated character constant');
          if (text[pos] === '\\') pos++;
          pos++;
        }
        pos++;
        emit('char', start);
      } else if (c === '$' || (c === '.' && !/[0-9]/.test(text[pos + 1] ?? ''))) {
        // Go's lexFieldOrVariable: a lone `.`/`$` before a terminator, else a name that must end at one.
        pos++;
        if (atTerminator(text, pos)) {
          emit(c === '$' ? 'variable' : 'dot', start);
          continue;
        }
        while (pos < text.length && ALNUM.test(text[pos])) pos++;
        if (!atTerminator(text, pos)) return fail(`bad character ${goRune(text, pos)}`);
        emit(c === '$' ? 'variable' : 'field', start);
      } else if (/[-+.0-9]/.test(c)) {
        const m = /^[-+]?(0[xX][0-9a-fA-F_]*\.?[0-9a-fA-F_]*([pP][-+]?[0-9_]+)?|0[oO][0-7_]+|0[bB][01_]+|[0-9_]*\.?[0-9_]*([eE][-+]?[0-9_]+)?)i?/.exec(text.slice(pos));
        const len = m ? m[0].length : 0;
        if (len === 0 || ALNUM.test(text[pos + len] ?? '')) return fail(`bad number syntax: "${text.slice(pos, pos + len + 1)}"`);
        pos += len;
        emit('number', start);
      } else if (ALNUM.test(c)) {
        while (pos < text.length && ALNUM.test(text[pos])) pos++;
        if (!atTerminator(text, pos)) return fail(`bad character ${goRune(text, pos)}`);
        const word = text.slice(start, pos);
        if (KEYWORDS.has(word)) emit('keyword', start);
        else if (word === 'true' || word === 'false') emit('bool', start);
        else if (word === 'nil') emit('nil', start);
        else emit('identifier', start);
      } else if (c === ',') {
        pos++;
        emit('comma', start);
      } else if (c === '(') {
        pos++;
        parenDepth++;
        emit('leftParen', start);
      } else if (c === ')') {
        pos++;
        parenDepth--;
        if (parenDepth < 0) return fail('unexpected right paren');
        emit('rightParen', start);
      } else if (c >= ' ' && c <= '~') {
        pos++;
        emit('other', start);
      } else {
        return fail(`unrecognized character in action: ${goRune(text, pos)}`);
      }
    }
  }
  tokens.push({ kind: 'eof', value: '', pos: text.length });
  return tokens;
}

/** Go's atTerminator: what may follow a field, variable or identifier. */
function atTerminator(text: string, pos: number): boolean {
  if (pos >= text.length) return true;
  return SPACE.test(text[pos]) || '.,|:)('.includes(text[pos]) || text.startsWith('}}', pos);
}

/** fmt's %#U of the character at `pos`: U+007B '{' (no quoted form for unprintable ones). */
function goRune(text: string, pos: number): string {
  const cp = text.codePointAt(pos) ?? 0;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]/u.test(String.fromCodePoint(cp)) && cp !== 0x3000 ? `${hex} '${String.fromCodePoint(cp)}'` : hex;
}

/** A right trim marker is " -}}" (space, then -}}). */
function isRightTrim(text: string, pos: number): boolean {
  return SPACE.test(text[pos] ?? '') && text.startsWith('-}}', pos + 1);
}
