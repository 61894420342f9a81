/** How template functions are declared: Go parameter kinds (for Go's argument checks) and an implementation. */
import type { TemplatePosition } from './positions-api';

/** Go parameter kinds the executor checks: 'int' and 'string' reject other types as Go's reflection does. */
export type ParamKind = 'any' | 'int' | 'string' | 'bool' | 'float' | 'map';

/** What a function can ask of the executor while it runs. */
export interface CallContext {
  /** Executes a named template with `data` and returns its output (Helm's include). */
  include(name: string, data: unknown): string;
  /** Parses and executes `text` in the current namespace (Helm's tpl). */
  tpl(text: string, data: unknown): string;
  /** Records that a non-deterministic function ran here. */
  caveat(func: string): void;
  position: TemplatePosition;
}

export interface GoFunc {
  params: ParamKind[];
  /** When set, the last parameter repeats (Go `...T`). */
  variadic?: boolean;
  fn: (this: CallContext, ...args: any[]) => unknown;
}

export type FuncMap = Record<string, GoFunc>;

/** An error a function returns; `helmWarn` marks required/fail, which Helm reports as "execution error at". */
export class FuncError extends Error {
  constructor(message: string, readonly helmWarn: 'required' | 'fail' | undefined = undefined) {
    super(message);
  }
}

export const fn = (params: ParamKind[], impl: GoFunc['fn'], variadic = false): GoFunc => ({ params, fn: impl, variadic });
