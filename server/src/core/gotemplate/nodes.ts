/** Parse tree nodes, after Go's text/template/parse/node.go. `pos` is the UTF-16 offset in the template text. */

export type Node =
  | TextNode | ActionNode | IfNode | RangeNode | WithNode | TemplateNode | BreakNode | ContinueNode | ListNode;

export interface ListNode { type: 'list'; pos: number; nodes: Node[] }
export interface TextNode { type: 'text'; pos: number; text: string }
export interface ActionNode { type: 'action'; pos: number; pipe: PipeNode }
export interface BranchFields { pos: number; pipe: PipeNode; list: ListNode; elseList?: ListNode }
export interface IfNode extends BranchFields { type: 'if' }
export interface WithNode extends BranchFields { type: 'with' }
export interface RangeNode extends BranchFields { type: 'range' }
export interface TemplateNode { type: 'template'; pos: number; name: string; pipe?: PipeNode }
export interface BreakNode { type: 'break'; pos: number }
export interface ContinueNode { type: 'continue'; pos: number }

export interface PipeNode {
  type: 'pipe';
  pos: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
export interface CommandNode { type: 'command'; pos: number; args: ArgNode[] }

export type ArgNode =
  | FieldNode | VariableNode | IdentifierNode | ChainNode | DotNode | NilNode | BoolNode | NumberNode | StringNode | PipeNode;

export interface FieldNode { type: 'field'; pos: number; ident: string[] }
export interface VariableNode { type: 'variable'; pos: number; ident: string[] }
export interface IdentifierNode { type: 'identifier'; pos: number; ident: string }
export interface ChainNode { type: 'chain'; pos: number; node: ArgNode; field: string[] }
export interface DotNode { type: 'dot'; pos: number }
export interface NilNode { type: 'nil'; pos: number }
export interface BoolNode { type: 'bool'; pos: number; value: boolean }
export interface NumberNode { type: 'number'; pos: number; text: string; isInt: boolean; intValue: bigint; floatValue: number; isFloatSyntax: boolean }
export interface StringNode { type: 'string'; pos: number; quoted: string; text: string }

/** A parsed template: its name, source text (for positions) and body. */
export interface Tree {
  name: string;
  /** The file it was parsed from (Go's ParseName): positions and error locations name this, also inside a define. */
  parseName: string;
  text: string;
  root: ListNode;
}

/** Go's String() of an argument node, used in "executing ... at <...>" error contexts. */
export function nodeString(n: ArgNode | CommandNode): string {
  switch (n.type) {
    case 'field': return '.' + n.ident.join('.');
    case 'variable': return n.ident.join('.');
    case 'identifier': return n.ident;
    case 'chain': return (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + '.' + n.field.join('.');
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'bool': return String(n.value);
    case 'number': return n.text;
    case 'string': return n.quoted;
    case 'command': return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'pipe': {
      const decl = n.decl.length ? n.decl.map((d) => d.ident[0]).join(', ') + (n.isAssign ? ' = ' : ' := ') : '';
      return decl + n.cmds.map((c) => nodeString(c)).join(' | ');
    }
  }
}
