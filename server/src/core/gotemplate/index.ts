/**
 * Public API of the Go text/template engine (issue 9 items 1-2). Helm and ApplicationSet code import only
 * from this file.
 *
 * Value model (the contract with callers):
 * - JS `number` is Go float64 (what Helm's YAML/JSON values decode to); it prints with Go's `%g` rules.
 * - Go int64 is the `GoInt` class below (a bigint wrapper), produced by `int`, `len`, `add` and friends.
 * - strings, booleans, `null` (Go nil), arrays (Go slices) and plain objects (Go maps) as usual.
 * - A field path that reaches a JS function is a Go method call: `.Files.Get "x"` calls the function with
 *   the evaluated arguments and `this` bound to the object that holds it.
 *
 * Status: this file fixes the API; the engine behind it is not implemented yet, so both entry points
 * currently return an `unsupported` error result for every template (they never throw).
 */

/** A Go int64 value. JS numbers stand for float64, so integers made by template functions use this class. */
export class GoInt {
  constructor(readonly value: bigint) {}
  toString(): string {
    return this.value.toString();
  }
}

/** A place in a template: template name (Helm: the chart-relative path), 1-based line and column. */
export interface TemplatePosition {
  template: string;
  line: number;
  column: number;
}

/** Maps an output range [outputStart, outputEnd) (UTF-16 offsets) to the template text that produced it. */
export interface OutputSegment extends TemplatePosition {
  outputStart: number;
  outputEnd: number;
}

/** A render failure, with Helm's message shape ("template: name:line:col: executing ... : msg"). */
export interface TemplateError {
  message: string;
  position?: TemplatePosition;
  /** 'unsupported' means a function the engine does not implement (crypto, certificates ...). */
  kind: 'parse' | 'exec' | 'required' | 'fail' | 'unsupported';
}

/** Why a rendered result may differ from what Argo CD renders on every sync. */
export interface RenderCaveat {
  /** The non-deterministic function used (randAlphaNum, now, uuidv4 ...). */
  func: string;
  position: TemplatePosition;
}

export interface HelmTemplateInput {
  /** Chart-relative path as Helm names it, e.g. `mychart/templates/deployment.yaml`. */
  name: string;
  text: string;
  /** The top-level data (`.`) for this template: Values, Release, Chart, Files, Capabilities, Template. */
  data: unknown;
}

export interface HelmRenderOptions {
  /** Helm aborts after this many nested include/tpl calls (Helm: 1000). */
  maxIncludeDepth?: number;
  /** Helm's strict mode (`missingkey=error`); Argo CD does not use it. Default false. */
  strict?: boolean;
}

export interface RenderedTemplate {
  name: string;
  /** Output with `<no value>` stripped as Helm does. Empty when `error` is set. */
  output: string;
  segments: OutputSegment[];
  error?: TemplateError;
}

export interface HelmRenderResult {
  templates: RenderedTemplate[];
  caveats: RenderCaveat[];
}

/**
 * Parses all templates into one namespace (define/include/template work across chart and subcharts) and
 * executes every non-partial template (base name not starting with `_`) in Helm's order with Helm's
 * function map. Never throws.
 */
export function renderHelmTemplates(templates: HelmTemplateInput[], options: HelmRenderOptions = {}): HelmRenderResult {
  void options;
  const rendered = templates
    .filter((t) => !baseName(t.name).startsWith('_'))
    .map((t) => ({ name: t.name, output: '', segments: [], error: notImplemented(t.name) }));
  return { templates: rendered, caveats: [] };
}

export interface GoTemplateOptions {
  /** Function map: ApplicationSet's (Sprig minus env/expandenv/getHostByName, plus normalize, slugify ...). */
  funcs: 'applicationset';
  /** Go's missingkey option: 'default' and 'zero' print `<no value>`, 'error' fails. */
  missingKey?: 'default' | 'zero' | 'error';
  /** Template name used in positions and error messages. */
  name?: string;
}

export interface GoTemplateResult {
  output: string;
  error?: TemplateError;
  caveats: RenderCaveat[];
}

/** Renders one template as an ApplicationSet goTemplate field. Never throws. */
export function renderGoTemplate(text: string, data: unknown, options: GoTemplateOptions): GoTemplateResult {
  void text;
  void data;
  return { output: '', error: notImplemented(options.name ?? 'template'), caveats: [] };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function notImplemented(name: string): TemplateError {
  return { kind: 'unsupported', message: `template: ${name}: the Go template engine is not implemented yet` };
}
