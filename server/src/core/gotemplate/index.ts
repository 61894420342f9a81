/**
 * Public API of the Go text/template engine (issue 9 items 1-2). Helm and ApplicationSet code import only
 * from this file.
 *
 * Value model (the contract with callers):
 * - JS `number` is Go float64 (what Helm's YAML/JSON values decode to); it prints with Go's `%g` rules.
 * - Go int64 is the `GoInt` class below (a bigint wrapper), produced by `int`, `len`, `add` and friends.
 * - strings, booleans, `null` (Go nil), arrays (Go slices) and plain objects (Go maps) as usual.
 * - A plain object carrying the `GO_TYPE_NAME` symbol is a named map type: Helm's callers set
 *   `chartutil.Values` on the top-level data and on `.Values`, which `typeOf`/`%T` then print as Helm does.
 * - A field path that reaches a JS function is a Go method call: `.Files.Get "x"` calls the function with
 *   the evaluated arguments and `this` bound to the object that holds it.
 *
 * Status: lexer, parser, executor and a Helm function map are implemented (see helmFuncs.ts). A function
 * Helm (or Argo CD's ApplicationSet map) defines but the engine lacks is a template error of kind 'unsupported'
 * ("unsupported function X at name:line") when it runs; a name neither defines is a parse error in Go's words
 * (funcNames.ts lists both maps).
 */
import { executeTemplate, Segment } from './exec';
import { applicationSetFuncs } from './appsetFuncs';
import { APPLICATIONSET_NAMES, HELM_NAMES } from './funcNames';
import { helmFuncs } from './helmFuncs';
import { Caveat, createNamespace, helmOrder, stripNoValue, toRenderError } from './render';

export { GO_TYPE_NAME, GoInt } from './values';
export { dropTemplateParsesUnusedSinceLastSweep } from './render';

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
  /**
   * The top-level data (`.`) for this template: Values, Release, Chart, Files, Capabilities, Template. Helm
   * shares one such map between the templates of a chart, so `set $ "Values" ...` in one (Istio's
   * zzz_profile.yaml, which runs first) is seen by the templates that run after it.
   */
  data: unknown;
  /** Set as `data.Template` just before this template runs, as Helm's engine does (vals["Template"]). */
  template?: unknown;
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
 * function map. Helm itself aborts the whole chart on the first error; here a parse error is reported on
 * every template (nothing renders), and an execution error only on the template that failed, so callers
 * can report each. Never throws.
 */
export function renderHelmTemplates(templates: HelmTemplateInput[], options: HelmRenderOptions = {}): HelmRenderResult {
  const caveats: Caveat[] = [];
  const ns = createNamespace(helmFuncs, HELM_NAMES, options.strict ? 'error' : 'zero', options.maxIncludeDepth ?? 1000, caveats);
  const byName = new Map(templates.map((t) => [t.name, t]));
  const texts = new Map(templates.map((t) => [t.name, t.text]));
  const order = helmOrder([...byName.keys()]);
  const rendered = order.filter((n) => !baseName(n).startsWith('_'));
  try {
    for (const name of order) ns.add(name, byName.get(name)!.text);
  } catch (e) {
    const error = toRenderError(e, texts, true);
    return { templates: rendered.map((name) => ({ name, output: '', segments: [], error })), caveats };
  }
  const results = rendered.map((name): RenderedTemplate => {
    try {
      const input = byName.get(name)!;
      if (input.template !== undefined && input.data !== null && typeof input.data === 'object') (input.data as Record<string, unknown>).Template = input.template;
      const { output, segments } = runTemplate(ns, name, input.data);
      return { name, ...stripNoValue(output, segments) };
    } catch (e) {
      return { name, output: '', segments: [], error: toRenderError(e, texts, true) };
    }
  });
  return { templates: results, caveats };
}

function runTemplate(ns: ReturnType<typeof createNamespace>, name: string, data: unknown): { output: string; segments: Segment[] } {
  return executeTemplate(ns, name, data);
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

/** Renders one template as an ApplicationSet goTemplate field (Sprig functions implemented so far). Never throws. */
export function renderGoTemplate(text: string, data: unknown, options: GoTemplateOptions): GoTemplateResult {
  const caveats: Caveat[] = [];
  const name = options.name ?? 'template';
  const ns = createNamespace(applicationSetFuncs, APPLICATIONSET_NAMES, options.missingKey ?? 'default', 1000, caveats, name);
  try {
    ns.add(name, text);
    return { output: executeTemplate(ns, name, data).output, caveats };
  } catch (e) {
    return { output: '', error: toRenderError(e, new Map([[name, text]]), false), caveats };
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
