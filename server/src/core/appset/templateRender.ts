// Renders ApplicationSet template values with one parameter set, as argo-cd's utils.Render does: every string
// leaf and every map key is its own template (fasttemplate, or a Go template when `goTemplate: true`).

import { renderGoTemplate } from '../gotemplate';
import { replaceFast } from './fasttemplate';

export type MissingKey = 'default' | 'zero' | 'error';

export interface TemplateMode {
  goTemplate: boolean;
  /** From `goTemplateOptions: ["missingkey=..."]`; Go's default prints `<no value>`. */
  missingKey: MissingKey;
}

export type Params = Record<string, unknown>;
export type FieldPath = (string | number)[];

/** A problem in one rendered field; `path` is relative to the value rendered. */
export interface RenderIssue {
  kind: 'no-value' | 'unresolved';
  path: FieldPath;
  detail: string;
}

/** Why rendering stopped: Argo CD's own failure ('missing-key', 'template') or a function SyncPlan lacks ('unsupported'). */
export class RenderFailure extends Error {
  constructor(
    readonly kind: 'missing-key' | 'template' | 'unsupported',
    message: string,
    readonly path: FieldPath,
  ) {
    super(message);
  }
}

export function readMode(spec: Record<string, unknown>): TemplateMode {
  const options = Array.isArray(spec.goTemplateOptions) ? spec.goTemplateOptions : [];
  let missingKey: MissingKey = 'default';
  for (const option of options) {
    const match = typeof option === 'string' ? /^missingkey=(default|invalid|zero|error)$/.exec(option.trim()) : null;
    if (match) missingKey = match[1] === 'invalid' ? 'default' : (match[1] as MissingKey);
  }
  return { goTemplate: spec.goTemplate === true, missingKey };
}

/** One string through the AppSet template language (utils.Render.Replace). Throws RenderFailure. */
export function replaceString(text: string, params: Params, mode: TemplateMode, path: FieldPath = [], issues?: RenderIssue[]): string {
  if (!mode.goTemplate) {
    const result = replaceFast(text, params);
    if (result.error !== undefined) throw new RenderFailure('template', result.error, path);
    if (issues && result.unresolved.length > 0) issues.push({ kind: 'unresolved', path, detail: result.unresolved.map((k) => `{{${k}}}`).join(', ') });
    return result.output;
  }
  if (!text.includes('{{')) return text;
  const result = renderGoTemplate(text, params, { funcs: 'applicationset', missingKey: mode.missingKey });
  if (result.error) {
    const kind = result.error.kind === 'unsupported' ? 'unsupported' : /map has no entry for key/.test(result.error.message) ? 'missing-key' : 'template';
    throw new RenderFailure(kind, `failed to execute go template ${text}: ${result.error.message}`, path);
  }
  if (issues && result.output.includes('<no value>')) issues.push({ kind: 'no-value', path, detail: text });
  return result.output;
}

/** Renders a JSON value tree: string leaves and map keys; other scalars are copied. */
export function renderTree(value: unknown, params: Params, mode: TemplateMode, path: FieldPath, issues: RenderIssue[]): unknown {
  if (typeof value === 'string') return replaceString(value, params, mode, path, issues);
  if (Array.isArray(value)) return value.map((item, i) => renderTree(item, params, mode, [...path, i], issues));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      // A nil map or slice value is dropped (deeplyReplace skips nil values).
      if (item === null) continue;
      const renderedKey = replaceString(key, params, mode, [...path, key], issues);
      out[renderedKey] = renderTree(item, params, mode, [...path, key], issues);
    }
    return out;
  }
  return value;
}
