// Evaluates the small part of Kargo's expression language that is known before a promotion runs:
// `ctx.stage`, `ctx.project`, `vars.x` / `vars['x']` and literals, inside `${{ }}` or the alternate `${% %}`.

export interface ExpressionEnv {
  stage: string;
  project: string;
  vars: ReadonlyMap<string, unknown>;
}

/** Marks a value that depends on promotion-time data (Freight, outputs, functions). */
export const UNKNOWN = Symbol('unknown');
export type Evaluated = unknown;

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}|\$\{%([\s\S]*?)%\}/g;

/**
 * A string that is one expression yields that expression's value; otherwise every expression is
 * replaced by its text, as Kargo does. Returns UNKNOWN when any part cannot be known statically.
 */
export function evaluateTemplate(template: unknown, env: ExpressionEnv): Evaluated {
  if (typeof template !== 'string') return template;
  const matches = [...template.matchAll(EXPRESSION)];
  if (matches.length === 0) return template;
  if (matches.length === 1 && matches[0][0] === template.trim()) return evaluateExpression(matches[0][1] ?? matches[0][2], env);
  let unknown = false;
  const text = template.replace(EXPRESSION, (_whole, a: string | undefined, b: string | undefined) => {
    const value = evaluateExpression(a ?? b ?? '', env);
    if (value === UNKNOWN) unknown = true;
    return value === null || value === undefined ? '' : String(value);
  });
  return unknown ? UNKNOWN : text;
}

const VAR_DOT = /^vars\.([A-Za-z_][\w]*)$/;
const VAR_INDEX = /^vars\[\s*(['"])(.*)\1\s*\]$/;
const STRING = /^(['"`])((?:(?!\1)[^\\]|\\.)*)\1$/;

export function evaluateExpression(source: string, env: ExpressionEnv): Evaluated {
  const expression = source.trim();
  if (expression === 'ctx.stage') return env.stage;
  if (expression === 'ctx.project') return env.project;
  const variable = VAR_DOT.exec(expression)?.[1] ?? VAR_INDEX.exec(expression)?.[2];
  if (variable !== undefined) return env.vars.has(variable) ? env.vars.get(variable) : UNKNOWN;
  const literal = STRING.exec(expression);
  if (literal) return literal[2].replace(/\\(.)/g, '$1');
  if (/^-?\d+(\.\d+)?$/.test(expression)) return Number(expression);
  if (expression === 'true' || expression === 'false') return expression === 'true';
  return UNKNOWN;
}
