/** Executor ported from Go's text/template/exec.go: walks trees, evaluates pipelines, records output segments. */
import { isStackOverflow } from '../stackOverflow';
import { BudgetError, MAX_OUTPUT_CHARS, OVER_OUTPUT, OVER_STEPS, overBudgetMessage } from './budget';
import { formatValue } from './fmt';
import { CallContext, FuncError, FuncMap, GoFunc, ParamKind } from './funcTypes';
import type { ArgNode, CommandNode, ListNode, Node, PipeNode, Tree } from './nodes';
import { nodeString } from './nodes';
import { lineAndColumn } from './positions';
import type { TemplatePosition } from './positions-api';
import { GoInt, isMap, isTrue, typeName } from './values';

export type MissingKey = 'default' | 'zero' | 'error';

/** An execution failure with Go's message; `helmWarn` marks required/fail. */
export class TemplateExecError extends Error {
  constructor(message: string, readonly position: TemplatePosition | undefined, readonly helmWarn?: 'required' | 'fail', readonly location = '', readonly unsupported = false) {
    super(message);
  }
}

export interface Segment extends TemplatePosition { outputStart: number; outputEnd: number }

export interface Namespace {
  trees: Map<string, Tree>;
  funcs: FuncMap;
  /** Names the real program defines, implemented or not (a known name missing from `funcs` is unsupported). */
  known: ReadonlySet<string>;
  missingKey: MissingKey;
  /** Helm's tpl: parses and runs `text` in a copy of the namespace. */
  tpl(text: string, data: unknown, callerTemplate: string, depth: number): string;
  caveat(func: string, position: TemplatePosition): void;
  maxIncludeDepth: number;
  /** Go's root template name (Helm: "gotpl"), which "no template" errors and tpl use. */
  rootName: string;
  /** Helm's includedNames: how deep each name is being included right now (shared with tpl). */
  included: Map<string, number>;
  /** Template steps this render may still take (shared with tpl and includes; see budget.ts). */
  budget: { steps: number };
}

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

interface Var { name: string; value: unknown }

/**
 * The node a failed call names: the command for functions, the field for methods. Its text is made only when
 * an error needs it (`nodeString` on every evaluation was a tenth of a large chart's render).
 */
interface CallSite { pos: number; text: string | ArgNode | CommandNode | (() => string) }

const siteText = (text: CallSite['text']): string => (typeof text === 'string' ? text : typeof text === 'function' ? text() : nodeString(text));

/** Executes template `name` with `data`; returns output and segments. Throws TemplateExecError. */
export function executeTemplate(ns: Namespace, name: string, data: unknown, depth = 0): { output: string; segments: Segment[] } {
  const tree = ns.trees.get(name);
  if (!tree) throw new TemplateExecError(`template: no template ${JSON.stringify(name)} associated with template ${JSON.stringify(ns.rootName)}`, undefined);
  const state = new State(ns, tree, name, data, depth);
  state.walk(data, tree.root);
  return { output: state.out, segments: state.segments };
}

class State {
  out = '';
  segments: Segment[] = [];
  private vars: Var[];
  private node: CallSite | undefined;

  constructor(private readonly ns: Namespace, private tree: Tree, private readonly execName: string, private readonly root: unknown, private readonly depth: number) {
    this.vars = [{ name: '$', value: root }];
  }

  walk(dot: unknown, node: Node | ListNode): void {
    if (--this.ns.budget.steps < 0) this.overBudget(node.pos, OVER_STEPS);
    switch (node.type) {
      case 'list': for (const n of node.nodes) this.walk(dot, n); return;
      case 'text': this.write(node.text, node.pos); return;
      case 'action': {
        const v = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.write(v === undefined || v === null ? '<no value>' : formatValue(v), node.pos);
        return;
      }
      case 'if': case 'with': {
        const mark = this.vars.length;
        const v = this.evalPipeline(dot, node.pipe);
        if (isTrue(v)) this.walk(node.type === 'with' ? v : dot, node.list);
        else if (node.elseList) this.walk(dot, node.elseList);
        this.vars.length = mark;
        return;
      }
      case 'range': return this.walkRange(dot, node);
      case 'break': throw BREAK;
      case 'continue': throw CONTINUE;
      case 'template': {
        this.at(node.pos, () => `{{template ${JSON.stringify(node.name)}${node.pipe ? ' ' + nodeString(node.pipe) : ''}}}`);
        const tree = this.ns.trees.get(node.name);
        if (!tree) this.fail(`template "${node.name}" not defined`, node.pos);
        if (this.depth >= 100000) this.fail('exceeded maximum template depth (100000)', node.pos);
        const value = node.pipe ? this.evalPipeline(dot, node.pipe) : undefined;
        const sub = new State(this.ns, tree!, node.name, value, this.depth + 1);
        sub.vars = [{ name: '$', value }];
        sub.walk(value, tree!.root);
        this.append(sub);
        return;
      }
    }
  }

  private walkRange(dot: unknown, node: Extract<Node, { type: 'range' }>): void {
    const mark = this.vars.length;
    const val = this.evalPipeline(dot, node.pipe);
    const inner = this.vars.length;
    const decl = node.pipe.decl;
    if (!Array.isArray(val) && !isMap(val) && !(val instanceof GoInt) && val !== undefined && val !== null) this.fail(`range can't iterate over ${formatValue(val)}`, node.pos);
    let rounds = 0;
    for (const [index, elem] of rangeEntries(val)) {
      rounds++;
      if (--this.ns.budget.steps < 0) this.overBudget(node.pos, OVER_STEPS);
      if (decl.length > 0) {
        if (node.pipe.isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? index : elem, decl[0].pos);
        else this.vars[this.vars.length - 1].value = elem;
      }
      if (decl.length > 1) {
        if (node.pipe.isAssign) this.setVar(decl[1].ident[0], elem, decl[1].pos);
        else this.vars[this.vars.length - 2].value = index;
      }
      try {
        this.walk(elem, node.list);
      } catch (e) {
        if (e === BREAK) break;
        if (e !== CONTINUE) throw e;
      } finally {
        this.vars.length = inner;
      }
    }
    if (rounds === 0 && node.elseList) this.walk(dot, node.elseList);
    this.vars.length = mark;
  }

  private write(text: string, pos: number): void {
    if (text === '') return;
    if (this.out.length + text.length > MAX_OUTPUT_CHARS) this.overBudget(pos, OVER_OUTPUT);
    const { line, column } = lineAndColumn(this.tree.text, pos);
    this.segments.push({ template: this.tree.parseName, line, column, outputStart: this.out.length, outputEnd: this.out.length + text.length });
    this.out += text;
  }

  private append(sub: State): void {
    const base = this.out.length;
    if (base + sub.out.length > MAX_OUTPUT_CHARS) this.overBudget(undefined, OVER_OUTPUT);
    for (const s of sub.segments) this.segments.push({ ...s, outputStart: s.outputStart + base, outputEnd: s.outputEnd + base });
    this.out += sub.out;
  }

  evalPipeline(dot: unknown, pipe: PipeNode): unknown {
    this.at(pipe.pos, pipe);
    let value: unknown = undefined;
    let first = true;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value, !first);
      first = false;
      // Go digs into interface{} results, so a nil interface becomes the invalid value.
      if (value === null) value = undefined;
    }
    for (const d of pipe.decl) {
      if (pipe.isAssign) this.setVar(d.ident[0], value, d.pos);
      else this.vars.push({ name: d.ident[0], value });
    }
    return value;
  }

  private setVar(name: string, value: unknown, pos: number): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.fail(`undefined variable: ${name}`, pos);
  }

  private varValue(name: string, pos: number): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    return this.fail(`undefined variable: ${name}`, pos);
  }

  // Which node errors name follows Go's exec.go: each branch sets the node (s.at) exactly where Go does.
  private evalCommand(dot: unknown, cmd: CommandNode, final: unknown, hasFinal: boolean): unknown {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        this.at(first.pos, first);
        return this.evalFieldChain(dot, dot, first.pos, first.ident, cmd.args, final, hasFinal, true);
      case 'chain': {
        this.at(first.pos, first);
        if (first.node.type === 'nil') this.fail(`indirection through explicit nil in ${nodeString(first)}`, first.pos);
        let recv = this.evalArg(dot, first.node, 'any');
        // Go's evalPipeline unwraps a nil interface into an invalid value, so `(.x).y` with x null reads y as
        // missing instead of failing with "nil pointer evaluating" (text/template exec.go).
        if (recv === null && first.node.type === 'pipe') recv = undefined;
        this.at(first.pos, first);
        return this.evalFieldChain(dot, recv, first.pos, first.field, cmd.args, final, hasFinal, false);
      }
      case 'identifier':
        this.at(first.pos, first.ident);
        return this.evalFunction(dot, first.ident, first.pos, cmd.args, final, hasFinal, { pos: cmd.pos, text: cmd });
      case 'variable': {
        this.at(first.pos, first);
        const v = this.varValue(first.ident[0], first.pos);
        if (first.ident.length === 1) {
          this.notAFunction(cmd.args, hasFinal, first.pos);
          return v;
        }
        return this.evalFieldChain(dot, v, first.pos, first.ident.slice(1), cmd.args, final, hasFinal, false);
      }
      case 'pipe': this.notAFunction(cmd.args, hasFinal, first.pos); return this.evalPipeline(dot, first);
      case 'nil': this.at(first.pos, 'nil'); return this.fail('nil is not a command', first.pos);
      default: this.at(first.pos, first); this.notAFunction(cmd.args, hasFinal, first.pos); return this.evalArg(dot, first, 'any');
    }
  }

  private notAFunction(args: ArgNode[], hasFinal: boolean, pos: number): void {
    if (args.length > 1 || hasFinal) this.fail(`can't give argument to non-function ${nodeString(args[0])}`, pos);
  }

  private evalFieldChain(dot: unknown, receiver: unknown, pos: number, ident: string[], args: ArgNode[], final: unknown, hasFinal: boolean, fromDot: boolean): unknown {
    let r = receiver;
    for (let i = 0; i < ident.length - 1; i++) r = this.evalField(dot, ident[i], pos, [], undefined, false, r, fromDot && i === 0);
    return this.evalField(dot, ident[ident.length - 1], pos, args, final, hasFinal, r, fromDot && ident.length === 1);
  }

  private evalField(dot: unknown, name: string, pos: number, args: ArgNode[], final: unknown, hasFinal: boolean, receiver: unknown, isDot: boolean): unknown {
    if (receiver === undefined) {
      if (this.ns.missingKey === 'error') this.fail(`nil data; no entry for key "${name}"`, pos);
      return undefined;
    }
    const typ = isDot && receiver === this.root ? typeName(receiver) : 'interface {}';
    if (receiver === null) return this.fail(`nil pointer evaluating ${typ}.${name}`, pos);
    const hasArgs = args.length > 1 || hasFinal;
    if (typeof receiver === 'object' && !(receiver instanceof GoInt)) {
      const method = (receiver as Record<string, unknown>)[name];
      if (typeof method === 'function') {
        const f: GoFunc = { params: ['any'], variadic: true, fn: (...a: unknown[]) => (method as (...x: unknown[]) => unknown).apply(receiver, a) };
        return this.evalCall(dot, f, name, pos, args, final, hasFinal, this.node ?? { pos, text: name });
      }
    }
    if (isMap(receiver)) {
      if (hasArgs) this.fail(`${name} is not a method but has arguments`, pos);
      if (Object.prototype.hasOwnProperty.call(receiver, name)) return receiver[name];
      if (this.ns.missingKey === 'error') this.fail(`map has no entry for key "${name}"`, pos);
      return this.ns.missingKey === 'zero' ? null : undefined;
    }
    return this.fail(`can't evaluate field ${name} in type ${typ}`, pos);
  }

  private evalFunction(dot: unknown, name: string, pos: number, args: ArgNode[], final: unknown, hasFinal: boolean, site: CallSite): unknown {
    if (name === 'and' || name === 'or') {
      const operands = args.slice(1);
      if (operands.length + (hasFinal ? 1 : 0) < 1) this.fail(`wrong number of args for ${name}: want at least 1 got 0`, pos);
      let v: unknown;
      for (let i = 0; i < operands.length + (hasFinal ? 1 : 0); i++) {
        v = i < operands.length ? this.evalArg(dot, operands[i], 'any') : final;
        if (isTrue(v) === (name === 'or')) return v;
      }
      return v;
    }
    const f = this.ns.funcs[name];
    if (!f) {
      const { line, column } = lineAndColumn(this.tree.text, pos);
      const where = `${this.tree.parseName}:${line}`;
      if (this.ns.known.has(name)) throw new TemplateExecError(`unsupported function ${name} at ${where}`, { template: this.tree.parseName, line, column }, undefined, where, true);
      return this.fail(`"${name}" is not a defined function`, pos);
    }
    return this.evalCall(dot, f, name, pos, args, final, hasFinal, site);
  }

  private evalCall(dot: unknown, f: GoFunc, name: string, pos: number, args: ArgNode[], final: unknown, hasFinal: boolean, site: CallSite): unknown {
    const argNodes = args.slice(1);
    const count = argNodes.length + (hasFinal ? 1 : 0);
    const fixed = f.variadic ? f.params.length - 1 : f.params.length;
    if (f.variadic ? count < fixed : count !== fixed) {
      this.fail(`wrong number of args for ${name}: want ${f.variadic ? 'at least ' : ''}${fixed} got ${count}`, pos);
    }
    const kindAt = (i: number): ParamKind => f.params[Math.min(i, f.params.length - 1)];
    const argv = argNodes.map((a, i) => this.evalArg(dot, a, kindAt(i)));
    if (hasFinal) argv.push(this.checkType(final, kindAt(argv.length), pos, true));
    // Go's call builtin names the argument's node in its error.
    if (name === 'call' && argv.length > 0 && typeof argv[0] !== 'function') {
      this.at(site.pos, site.text);
      this.fail(`error calling call: non-function ${argNodes.length > 0 ? nodeString(argNodes[0]) : formatValue(argv[0])} of type ${typeName(argv[0])}`, pos);
    }
    const { line, column } = lineAndColumn(this.tree.text, pos);
    const ctx: CallContext = {
      position: { template: this.tree.parseName, line, column },
      include: (n, d) => {
        // Helm's includeFun: a name included more than maxIncludeDepth times at once is a runaway recursion.
        const count = this.ns.included.get(n) ?? 0;
        if (count > this.ns.maxIncludeDepth) throw new FuncError(`rendering template has a nested reference name: ${n}: unable to execute template`);
        this.ns.included.set(n, count + 1);
        try {
          return executeTemplate(this.ns, n, d, this.depth + 1).output;
        } catch (e) {
          // The JavaScript stack can end before Helm's limit: report it as the runaway recursion it is.
          if (e instanceof RangeError) throw new FuncError(`rendering template has a nested reference name: ${n}: unable to execute template`);
          throw e;
        } finally {
          this.ns.included.set(n, count);
        }
      },
      tpl: (text, d) => this.ns.tpl(text, d, this.tree.name, this.depth + 1),
      caveat: (fname) => this.ns.caveat(fname, ctx.position),
    };
    try {
      return f.fn.apply(ctx, argv);
    } catch (e) {
      if (e instanceof TemplateExecError) {
        // Go wraps a nested execution error (include); required/fail keep their text, the location becomes ours.
        if (e.unsupported) throw e;
        this.at(site.pos, site.text);
        return this.fail(`error calling ${name}: ${e.message}`, pos, e.helmWarn, e.helmWarn ? e.message : undefined, e.position);
      }
      if (e instanceof BudgetError) this.overBudget(site.pos, e.message);
      // Out of JavaScript stack below an include: that include reports it as the runaway recursion it is.
      if (isStackOverflow(e) && [...this.ns.included.values()].some((count) => count > 0)) throw e;
      const message = e instanceof Error ? e.message : String(e);
      this.at(site.pos, site.text);
      return this.fail(`error calling ${name}: ${message}`, pos, e instanceof FuncError ? e.helmWarn : undefined, message);
    }
  }

  private evalArg(dot: unknown, n: ArgNode, kind: ParamKind): unknown {
    this.at(n.pos, n);
    switch (n.type) {
      case 'dot': return this.checkType(dot, kind, n.pos, false);
      case 'nil':
        if (kind === 'any' || kind === 'map') return null;
        return this.fail(`cannot assign nil to ${goKind(kind)}`, n.pos);
      case 'field': return this.checkType(this.evalFieldChain(dot, dot, n.pos, n.ident, [n], undefined, false, true), kind, n.pos, false);
      case 'variable': {
        const v = this.varValue(n.ident[0], n.pos);
        const r = n.ident.length === 1 ? v : this.evalFieldChain(dot, v, n.pos, n.ident.slice(1), [n], undefined, false, false);
        return this.checkType(r, kind, n.pos, false);
      }
      case 'pipe': return this.checkType(this.evalPipeline(dot, n), kind, n.pos, true);
      case 'identifier': return this.checkType(this.evalFunction(dot, n.ident, n.pos, [n], undefined, false, { pos: n.pos, text: n.ident }), kind, n.pos, true);
      case 'chain': return this.checkType(this.evalCommand(dot, { type: 'command', pos: n.pos, args: [n] }, undefined, false), kind, n.pos, true);
      case 'bool': case 'string': case 'number':
        if (kind === 'map') return this.fail(`can't handle ${nodeString(n)} for arg of type ${goKind(kind)}`, n.pos);
    }
    switch (n.type) {
      case 'bool':
        if (kind === 'any' || kind === 'bool') return n.value;
        return this.fail(`expected ${goKind(kind)}; found ${n.value}`, n.pos);
      case 'string':
        if (kind === 'any' || kind === 'string') return n.text;
        return this.fail(`expected ${goKind(kind)}; found ${n.quoted}`, n.pos);
      case 'number':
        if (kind === 'int' || (kind === 'any' && n.isInt && !n.isFloatSyntax)) {
          if (!n.isInt) return this.fail(`expected integer; found ${n.text}`, n.pos);
          return new GoInt(n.intValue);
        }
        if (kind === 'any' || kind === 'float') return n.floatValue;
        return this.fail(`expected ${goKind(kind)}; found ${n.text}`, n.pos);
    }
  }

  /** Go's validateType: values of the wrong kind for an int/string/bool/float parameter are errors. */
  private checkType(v: unknown, kind: ParamKind, pos: number, unwrapped: boolean): unknown {
    if (kind === 'any') return v === undefined ? null : v;
    // Go's invalid value (a missing key, a nil pipeline result) is a nil map argument; a nil interface{} is not.
    if (kind === 'map' && (v === undefined || (v === null && unwrapped))) return null;
    if (v === undefined || (v === null && unwrapped)) return this.fail(`invalid value; expected ${goKind(kind)}`, pos);
    if (v === null) return this.fail(`wrong type for value; expected ${goKind(kind)}; got interface {}`, pos);
    // Go's assignability: an int64 is not an int, chartutil.Values is a map[string]interface {}.
    const ok = kind === 'int' ? v instanceof GoInt && v.goType === 'int' : kind === 'map' ? isMap(v) : kind === 'string' ? typeof v === 'string' : kind === 'bool' ? typeof v === 'boolean' : typeof v === 'number';
    if (!ok) this.fail(`wrong type for value; expected ${goKind(kind)}; got ${typeName(v)}`, pos);
    return v;
  }

  private at(pos: number, text: CallSite['text']): void {
    this.node = { pos, text };
  }

  /** Past a bound of budget.ts: a render SyncPlan does not do (like an unsupported function), not a Helm error. */
  private overBudget(pos: number | undefined, what: string): never {
    const { line, column, goColumn } = lineAndColumn(this.tree.text, pos ?? this.node?.pos ?? 0);
    const location = `${this.tree.parseName}:${line}:${goColumn}`;
    throw new TemplateExecError(`template: ${location}: ${overBudgetMessage(what)}`, { template: this.tree.parseName, line, column }, undefined, location, true);
  }

  /** Go's errorf: the location and context are those of the current node (the last `at`), else of `pos`. */
  private fail(message: string, pos: number, helmWarn?: 'required' | 'fail', rawMessage?: string, causePosition?: TemplatePosition): never {
    const { line, column, goColumn } = lineAndColumn(this.tree.text, this.node?.pos ?? pos);
    const location = `${this.tree.parseName}:${line}:${goColumn}`;
    const context = this.node ? siteText(this.node.text) : '';
    const full = `template: ${location}: executing "${this.execName}" at <${context}>: ${message}`;
    // The position is the root cause's (a nested include's line), the message is Go's chain.
    throw new TemplateExecError(helmWarn ? rawMessage ?? message : full, causePosition ?? { template: this.tree.parseName, line, column }, helmWarn, location);
  }
}

/** What `range` iterates, as [index or key, element] pairs: lists and maps (keys sorted) as Go does, ints lazily. */
function* rangeEntries(val: unknown): Generator<[unknown, unknown]> {
  if (Array.isArray(val)) for (let i = 0, n = val.length; i < n; i++) yield [new GoInt(BigInt(i)), val[i]];
  else if (isMap(val)) for (const k of Object.keys(val).sort()) yield [k, val[k]];
  else if (val instanceof GoInt) for (let i = 0n; i < val.value; i++) yield [new GoInt(i), new GoInt(i)];
}

function goKind(kind: ParamKind): string {
  return kind === 'float' ? 'float64' : kind === 'map' ? 'map[string]interface {}' : kind;
}
