// ApplicationSet's default template language (valyala/fasttemplate as argo-cd's utils.Render.Replace uses it):
// `{{ key }}` is trimmed and looked up as a flat key; an unknown key or a non-string value is left as written.

export interface FastResult {
  output: string;
  /** Set when a `{{` has no closing `}}` (fasttemplate: "cannot find end tag"). */
  error?: string;
  /** Tags left verbatim because no string parameter has their name. */
  unresolved: string[];
}

/** Argo CD only templates strings matching `.*{{.*}}.*` (no newline in between). */
const TEMPLATED = /\{\{.*\}\}/;

export function replaceFast(template: string, params: Readonly<Record<string, unknown>>): FastResult {
  if (!TEMPLATED.test(template)) return { output: template, unresolved: [] };
  let output = '';
  const unresolved: string[] = [];
  let rest = template;
  for (;;) {
    const start = rest.indexOf('{{');
    if (start < 0) break;
    const end = rest.indexOf('}}', start + 2);
    if (end < 0) return { output: '', error: `cannot find end tag "}}" in the template "${template}"`, unresolved };
    output += rest.slice(0, start);
    const tag = rest.slice(start + 2, end);
    const key = tag.trim();
    const value = Object.prototype.hasOwnProperty.call(params, key) ? params[key] : undefined;
    if (key === '' || typeof value !== 'string') {
      output += `{{${tag}}}`;
      unresolved.push(key);
    } else {
      output += value;
    }
    rest = rest.slice(end + 2);
  }
  return { output: output + rest, unresolved };
}

/** argo-cd utils.SanitizeName: lower case, DNS-invalid characters to `-`, at most 253 characters, trimmed of `-` and `.`. */
export function sanitizeName(name: string): string {
  return name.toLowerCase().replace(/[^-a-z0-9.]/g, '-').slice(0, 253).replace(/^[-.]+|[-.]+$/g, '');
}

/** Go's fmt `%v` for the JSON values parameters hold. */
export function goString(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'number') return goFloat(value);
  if (Array.isArray(value)) return `[${value.map(goString).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, v]) => `${k}:${goString(v)}`).join(' ')}]`;
  }
  return String(value);
}

/** `%v` of a float64: shortest form, exponent from 1e21 up or below 1e-4 (Go's %g with shortest precision). */
function goFloat(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    return value.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(value);
}
