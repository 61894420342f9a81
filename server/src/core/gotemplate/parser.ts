/** Parser ported from Go's text/template/parse/parse.go. Produces one Tree per template and per define/block. */
import { lex, Token, TokenKind } from './lexer';
import type { ArgNode, CommandNode, ListNode, Node, NumberNode, PipeNode, Tree, VariableNode } from './nodes';
import { lineAndColumn } from './positions';
import { unquoteGo } from './unquote';

/** A parse failure in Go's shape: "template: name:line: message". */
export class TemplateParseError extends Error {
  constructor(message: string, readonly templateName: string, readonly pos: number, readonly unsupported = false) {
    super(message);
  }
}

type Marker = { type: 'end' | 'else'; pos: number };

/** Parses `text`; returns the main tree plus every define/block tree. Throws TemplateParseError. */
export function parseTemplate(name: string, text: string, isFunction: (name: string) => boolean): Map<string, Tree> {
  return new Parser(name, text, isFunction).parse();
}

class Parser {
  private readonly tokens: Token[];
  private i = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private readonly trees = new Map<string, Tree>();

  constructor(private readonly name: string, private readonly text: string, private readonly isFunction: (n: string) => boolean) {
    this.tokens = lex(text);
  }

  parse(): Map<string, Tree> {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().kind !== 'eof') {
      if (this.peek().kind === 'leftDelim') {
        const save = this.i;
        this.next();
        const t = this.nextNonSpace();
        if (t.kind === 'keyword' && t.value === 'define') {
          this.parseDefinition();
          continue;
        }
        this.i = save;
      }
      const n = this.textOrAction();
      if ('type' in n && (n.type === 'end' || n.type === 'else')) this.fail(`unexpected {{${n.type}}}`, n.pos);
      root.nodes.push(n as Node);
    }
    this.add({ name: this.name, parseName: this.name, text: this.text, root });
    return this.trees;
  }

  private add(tree: Tree): void {
    const old = this.trees.get(tree.name);
    if (old && !isEmptyList(old.root) && !isEmptyList(tree.root)) this.fail(`template: multiple definition of template "${tree.name}"`);
    if (!old || isEmptyList(old.root)) this.trees.set(tree.name, tree);
  }

  private parseDefinition(): void {
    const nameTok = this.nextNonSpace();
    if (nameTok.kind !== 'string' && nameTok.kind !== 'rawString') this.unexpected(nameTok, 'define clause');
    const name = this.unquote(nameTok);
    this.expect('rightDelim', 'define clause');
    const saved = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    if (end.type !== 'end') this.fail(`unexpected {{${end.type}}} in define clause`, end.pos);
    this.vars = saved;
    this.add({ name, parseName: this.name, text: this.text, root: list });
  }

  private itemList(): [ListNode, Marker] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().kind !== 'eof') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n as Marker];
      list.nodes.push(n as Node);
    }
    return this.fail('unexpected EOF');
  }

  private textOrAction(): Node | Marker {
    const t = this.nextNonSpace();
    if (t.kind === 'text') return { type: 'text', pos: t.pos, text: t.value };
    if (t.kind === 'leftDelim') return this.action();
    return this.unexpected(t, 'input');
  }

  private action(): Node | Marker {
    const t = this.nextNonSpace();
    if (t.kind === 'keyword') {
      switch (t.value) {
        case 'block': return this.blockControl(t);
        case 'break': case 'continue': {
          if (this.rangeDepth === 0) this.fail(`{{${t.value}}} outside {{range}}`, t.pos);
          this.expect('rightDelim', t.value);
          return { type: t.value, pos: t.pos } as Node;
        }
        case 'else': {
          const p = this.peekNonSpace();
          if (p.kind === 'keyword' && (p.value === 'if' || p.value === 'with')) return { type: 'else', pos: p.pos };
          this.expect('rightDelim', 'else');
          return { type: 'else', pos: t.pos };
        }
        case 'end': this.expect('rightDelim', 'end'); return { type: 'end', pos: t.pos };
        case 'if': case 'range': case 'with': return this.control(t.value, t.pos);
        case 'template': return this.templateControl(t);
      }
    }
    this.i--;
    const pos = this.peek().pos;
    return { type: 'action', pos, pipe: this.pipeline('command', 'rightDelim') };
  }

  private control(context: 'if' | 'range' | 'with', pos: number): Node {
    const depth = this.vars.length;
    const pipe = this.pipeline(context, 'rightDelim');
    if (context === 'range') this.rangeDepth++;
    let [list, next] = this.itemList();
    if (context === 'range') this.rangeDepth--;
    let elseList: ListNode | undefined;
    if (next.type === 'else') {
      const p = this.peek();
      if (context !== 'range' && p.kind === 'keyword' && p.value === context) {
        this.next();
        elseList = { type: 'list', pos: next.pos, nodes: [this.control(context, p.pos)] };
      } else {
        [elseList, next] = this.itemList();
        if (next.type !== 'end') this.fail('expected end; found {{else}}', next.pos);
      }
    }
    this.vars.length = depth;
    return { type: context, pos, pipe, list, elseList } as Node;
  }

  private templateControl(t: Token): Node {
    const nameTok = this.nextNonSpace();
    const name = this.parseTemplateName(nameTok, 'template clause');
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().kind !== 'rightDelim') {
      this.i--;
      pipe = this.pipeline('template clause', 'rightDelim');
    }
    // Go's TemplateNode takes the position of the name.
    void t;
    return { type: 'template', pos: nameTok.pos, name, pipe };
  }

  private blockControl(t: Token): Node {
    const name = this.parseTemplateName(this.nextNonSpace(), 'block clause');
    const pipe = this.pipeline('block clause', 'rightDelim');
    const saved = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    if (end.type !== 'end') this.fail('unexpected {{else}} in block clause', end.pos);
    this.vars = saved;
    this.add({ name, parseName: this.name, text: this.text, root: list });
    return { type: 'template', pos: t.pos, name, pipe };
  }

  private parseTemplateName(tok: Token, context: string): string {
    if (tok.kind !== 'string' && tok.kind !== 'rawString') this.unexpected(tok, context);
    return this.unquote(tok);
  }

  private pipeline(context: string, end: TokenKind): PipeNode {
    const pipe: PipeNode = { type: 'pipe', pos: this.peekNonSpace().pos, isAssign: false, decl: [], cmds: [] };
    const v = this.peekNonSpace();
    if (v.kind === 'variable') {
      const save = this.i;
      this.next();
      const next = this.peekNonSpace();
      if (next.kind === 'assign' || next.kind === 'declare') {
        this.nextNonSpace();
        pipe.isAssign = next.kind === 'assign';
        pipe.decl.push(this.declVar(v, !pipe.isAssign));
      } else if (next.kind === 'comma') {
        this.nextNonSpace();
        pipe.decl.push(this.declVar(v, true));
        if (context !== 'range' || pipe.decl.length > 1) this.fail(`too many declarations in ${context}`, next.pos);
        const v2 = this.nextNonSpace();
        if (v2.kind !== 'variable') this.fail(`missing variable in ${context}`, v2.pos);
        const op = this.nextNonSpace();
        if (op.kind !== 'assign' && op.kind !== 'declare') this.fail(`expected := or = after ${v2.value}`, op.pos);
        pipe.isAssign = op.kind === 'assign';
        pipe.decl.push(this.declVar(v2, !pipe.isAssign));
      } else this.i = save;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.kind === end) {
        if (pipe.cmds.length === 0) this.fail(`missing value for ${context}`, t.pos);
        pipe.cmds.slice(1).forEach((c, k) => {
          if (['bool', 'dot', 'nil', 'number', 'string'].includes(c.args[0].type)) this.fail(`non executable command in pipeline stage ${k + 2}`, c.pos);
        });
        return pipe;
      }
      if (['bool', 'char', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen'].includes(t.kind)) {
        this.i--;
        pipe.cmds.push(this.command());
      } else this.unexpected(t, context);
    }
  }

  private declVar(tok: Token, declare: boolean): VariableNode {
    if (declare) this.vars.push(tok.value);
    else if (!this.vars.includes(tok.value)) this.fail(`undefined variable "${tok.value}"`, tok.pos);
    return { type: 'variable', pos: tok.pos, ident: [tok.value] };
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.kind === 'space') continue;
      if (t.kind === 'rightDelim' || t.kind === 'rightParen') this.i--;
      else if (t.kind !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.fail('empty command', cmd.pos);
    return cmd;
  }

  private operand(): ArgNode | undefined {
    const node = this.term();
    if (!node || this.peek().kind !== 'field') return node;
    const fields: string[] = [];
    // Go's operand(): the chained node takes the position of the first chained field.
    const chainPos = this.peek().pos;
    while (this.peek().kind === 'field') fields.push(this.next().value.slice(1));
    switch (node.type) {
      case 'field': return { type: 'field', pos: chainPos, ident: [...node.ident, ...fields] };
      case 'variable': return { type: 'variable', pos: chainPos, ident: [...node.ident, ...fields] };
      case 'bool': case 'string': case 'number': case 'nil': case 'dot':
        return this.fail(`unexpected . after term "${this.text.slice(node.pos, this.peek().pos)}"`, node.pos);
      default: return { type: 'chain', pos: chainPos, node, field: fields };
    }
  }

  private term(): ArgNode | undefined {
    const t = this.nextNonSpace();
    switch (t.kind) {
      case 'identifier':
        if (!this.isFunction(t.value)) this.fail(`function ${JSON.stringify(t.value)} not defined`, t.pos);
        return { type: 'identifier', pos: t.pos, ident: t.value };
      case 'dot': return { type: 'dot', pos: t.pos };
      case 'nil': return { type: 'nil', pos: t.pos };
      case 'variable':
        if (!this.vars.includes(t.value)) this.fail(`undefined variable "${t.value}"`, t.pos);
        return { type: 'variable', pos: t.pos, ident: [t.value] };
      case 'field': return { type: 'field', pos: t.pos, ident: [t.value.slice(1)] };
      case 'bool': return { type: 'bool', pos: t.pos, value: t.value === 'true' };
      case 'char': case 'number': return this.number(t);
      case 'leftParen': return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string': case 'rawString': return { type: 'string', pos: t.pos, quoted: t.value, text: this.unquote(t) };
    }
    this.i--;
    return undefined;
  }

  private number(t: Token): NumberNode {
    const node: NumberNode = { type: 'number', pos: t.pos, text: t.value, isInt: false, intValue: 0n, floatValue: 0, isFloatSyntax: false };
    if (t.kind === 'char') {
      const s = unquoteGo(`"${t.value.slice(1, -1).replace(/"/g, '\\"')}"`);
      if (s === undefined || [...s].length !== 1) this.fail(`malformed character constant: ${t.value}`, t.pos);
      node.isInt = true;
      node.intValue = BigInt(s!.codePointAt(0)!);
      node.floatValue = Number(node.intValue);
      return node;
    }
    const text = t.value.replace(/_/g, '');
    if (text.endsWith('i')) this.fail(`complex numbers are not supported: ${t.value}`, t.pos);
    const neg = text.startsWith('-');
    const body = text.replace(/^[-+]/, '');
    const intMatch = /^(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(body);
    if (intMatch) {
      const b = /^0[0-7]+$/.test(body) ? BigInt('0o' + body.slice(1)) : BigInt(body.toLowerCase().replace(/^0x/, '0x'));
      node.intValue = neg ? -b : b;
      node.isInt = node.intValue >= -(2n ** 63n) && node.intValue < 2n ** 63n;
      if (!node.isInt) this.fail(`integer overflow: ${t.value}`, t.pos);
      node.floatValue = Number(node.intValue);
      return node;
    }
    const f = parseGoFloat(body);
    if (Number.isNaN(f)) this.fail(`illegal number syntax: "${t.value}"`, t.pos);
    node.floatValue = neg ? -f : f;
    node.isFloatSyntax = true;
    // parse.newNumber: an integral float is an integer too, so `1e3` or `0x1p10` can be an int argument.
    if (Number.isInteger(node.floatValue) && Math.abs(node.floatValue) < 2 ** 63) {
      node.isInt = true;
      node.intValue = BigInt(node.floatValue);
    }
    return node;
  }

  private unquote(t: Token): string {
    if (t.kind === 'rawString') return t.value.slice(1, -1).replace(/\r/g, '');
    const s = unquoteGo(t.value);
    if (s === undefined) this.fail(`invalid syntax: ${t.value}`, t.pos);
    return s!;
  }

  private peek(): Token { return this.tokens[this.i]; }
  private next(): Token {
    const t = this.tokens[this.i];
    if (t.kind === 'error') this.fail(t.value, t.pos);
    if (t.kind !== 'eof') this.i++;
    return t;
  }
  private peekNonSpace(): Token {
    while (this.tokens[this.i].kind === 'space') this.i++;
    return this.tokens[this.i];
  }
  private nextNonSpace(): Token {
    this.peekNonSpace();
    return this.next();
  }
  private expect(kind: TokenKind, context: string): Token {
    const t = this.nextNonSpace();
    if (t.kind !== kind) this.unexpected(t, context);
    return t;
  }
  private unexpected(t: Token, context: string): never {
    if (t.kind === 'error') this.fail(t.value, t.pos);
    // Go's item.String(): keywords as <x>, long values cut to 10 characters, the rest quoted.
    const chars = [...t.value];
    const shown = t.kind === 'eof' ? 'EOF' : t.kind === 'keyword' ? `<${t.value}>` : chars.length > 10 ? `${JSON.stringify(chars.slice(0, 10).join(''))}...` : JSON.stringify(t.value);
    return this.fail(`unexpected ${shown} in ${context}`, t.pos);
  }
  private fail(message: string, pos = this.tokens[Math.min(this.i, this.tokens.length - 1)].pos): never {
    const { line } = lineAndColumn(this.text, pos);
    throw new TemplateParseError(`template: ${this.name}:${line}: ${message}`, this.name, pos);
  }
}

function isEmptyList(list: ListNode): boolean {
  return list.nodes.every((n) => n.type === 'text' && n.text.trim() === '');
}

/**
 * strconv.ParseFloat for what Go's lexer scans as a number: decimal (`1.5e3`) or hexadecimal with a binary
 * exponent (`0x1p60`, `0x1.8p-2`; Traefik's chart multiplies by 0x1p60). NaN when it is neither.
 */
function parseGoFloat(body: string): number {
  if (/^[0-9]*\.?[0-9]*([eE][-+]?[0-9]+)?$/.test(body) && /[0-9]/.test(body)) return Number(body);
  const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([-+]?[0-9]+)$/.exec(body);
  if (!hex || (hex[1] + (hex[2] ?? '')).length === 0) return NaN;
  const digits = hex[1] + (hex[2] ?? '');
  // The hex digits as one integer, scaled by the binary exponent less four bits per fraction digit.
  return Number(BigInt(`0x${digits}`)) * 2 ** (Number(hex[3]) - 4 * (hex[2] ?? '').length);
}
