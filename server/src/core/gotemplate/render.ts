/** Runs parsed templates the way Helm's engine does: one namespace, Helm's order, `<no value>` stripped. */
import { MAX_TEMPLATE_STEPS } from './budget';
import { executeTemplate, Namespace, Segment, TemplateExecError } from './exec';
import { FuncError, FuncMap } from './funcTypes';
import type { Tree } from './nodes';
import { parseTemplate, TemplateParseError } from './parser';
import { lineAndColumn } from './positions';
import type { TemplatePosition } from './positions-api';

export interface RenderError {
  message: string;
  position?: TemplatePosition;
  kind: 'parse' | 'exec' | 'required' | 'fail' | 'unsupported';
}

export interface Caveat { func: string; position: TemplatePosition }

/** A cached parse, and the sweep during which it was last used. */
interface CachedParse {
  parse: Map<string, Tree> | TemplateParseError;
  sweep: number;
}

/** Parsed templates by function map, then by name and text: a parse is a pure function of the three. */
const parseCache = new WeakMap<FuncMap, Map<string, CachedParse>>();
/** The same maps, for `dropTemplateParsesUnusedSinceLastSweep` (one per function map: Helm's and ApplicationSets'). */
const parseCaches = new Set<Map<string, CachedParse>>();
let currentSweep = 0;
/**
 * Template text kept, in characters; past this the cache starts over. A workspace's charts fit well below it,
 * and an editor session that keeps changing a large template cannot grow it without bound.
 */
const PARSE_CACHE_CHARS = 16 * 1024 * 1024;
let parseCacheChars = 0;

/**
 * `parseTemplate` through a cache keyed by the template's name and text (trees are never changed by execution),
 * so a chart rendered for several Applications, re-analysed after an edit elsewhere, or a `tpl` of the same
 * text, parses once. Parse errors are cached and thrown again.
 */
function parseCached(funcs: FuncMap, name: string, text: string, defined: (f: string) => boolean): Map<string, Tree> {
  let byText = parseCache.get(funcs);
  if (!byText) {
    parseCache.set(funcs, (byText = new Map()));
    parseCaches.add(byText);
  }
  const key = `${name}\u0000${text}`;
  let entry = byText.get(key);
  if (entry === undefined) {
    let parse: CachedParse['parse'];
    try {
      parse = parseTemplate(name, text, defined);
    } catch (e) {
      if (!(e instanceof TemplateParseError)) throw e;
      parse = e;
    }
    if (parseCacheChars + key.length > PARSE_CACHE_CHARS) {
      byText.clear();
      parseCacheChars = 0;
    }
    parseCacheChars += key.length;
    byText.set(key, (entry = { parse, sweep: currentSweep }));
  }
  entry.sweep = currentSweep;
  if (entry.parse instanceof TemplateParseError) throw entry.parse;
  return entry.parse;
}

/**
 * Memory (issue 10): drops the parses no render used since the previous call. The language server calls it after
 * each analysis, so the trees of charts whose renders the memo reused are not kept (they are many times the size
 * of their text); a chart rendered again parses its templates again, once.
 */
export function dropTemplateParsesUnusedSinceLastSweep(): void {
  for (const byText of parseCaches) {
    for (const [key, entry] of byText) {
      if (entry.sweep === currentSweep) continue;
      byText.delete(key);
      parseCacheChars -= key.length;
    }
  }
  currentSweep++;
}

/** How many parses the cache holds (for tests). */
export function keptTemplateParses(): number {
  let count = 0;
  for (const byText of parseCaches) count += byText.size;
  return count;
}

/** Builds a namespace over `funcs`; `parse` adds templates (later definitions replace earlier ones). */
export function createNamespace(funcs: FuncMap, known: ReadonlySet<string>, missingKey: Namespace['missingKey'], maxIncludeDepth: number, caveats: Caveat[], rootName = 'gotpl'): Namespace & { add(name: string, text: string): void } {
  const defined = (f: string): boolean => f in funcs || known.has(f);
  const ns = {
    trees: new Map<string, Tree>(),
    funcs,
    known,
    rootName,
    included: new Map<string, number>(),
    budget: { steps: MAX_TEMPLATE_STEPS },
    missingKey,
    maxIncludeDepth,
    caveat: (func: string, position: TemplatePosition) => caveats.push({ func, position }),
    add(name: string, text: string): void {
      for (const [n, t] of parseCached(funcs, name, text, defined)) ns.trees.set(n, t);
    },
    // Helm's tplFun: parse `text` as a new template named after the root ("gotpl") in a clone of the namespace.
    tpl(text: string, data: unknown, _callerTemplate: string, depth: number): string {
      const copy = { ...ns, trees: new Map(ns.trees) };
      const name = ns.rootName;
      try {
        for (const [n, t] of parseCached(funcs, name, text, defined)) copy.trees.set(n, t);
      } catch (e) {
        throw new Error(`cannot parse template ${JSON.stringify(text)}: ${(e as Error).message}`);
      }
      try {
        return executeTemplate(copy, name, data, depth).output.replaceAll('<no value>', '');
      } catch (e) {
        // required/fail inside tpl keep their own text, as Helm's error formatting finds it.
        if (e instanceof TemplateExecError && e.helmWarn) throw new FuncError(e.message, e.helmWarn);
        if (e instanceof TemplateExecError && e.unsupported) throw e;
        throw new Error(`error during tpl function execution for ${JSON.stringify(text)}: ${(e as Error).message}`);
      }
    },
  };
  return ns;
}

/** Turns a thrown parse or exec error into the API's error, with Helm's message shapes when `helm` is set. */
export function toRenderError(e: unknown, texts: Map<string, string>, helm: boolean): RenderError {
  if (e instanceof TemplateParseError) {
    const text = texts.get(e.templateName) ?? '';
    const { line, column } = lineAndColumn(text, e.pos);
    const position = { template: e.templateName, line, column };
    if (e.unsupported) return { kind: 'unsupported', message: e.message, position };
    // Helm's cleanupParseError keeps only the last ": "-separated part of Go's message.
    const message = helm ? `parse error at (${e.templateName}:${line}): ${e.message.split(': ').pop()}` : e.message;
    return { kind: 'parse', message, position };
  }
  if (e instanceof TemplateExecError) {
    if (e.unsupported) return { kind: 'unsupported', message: e.message, position: e.position };
    if (e.helmWarn) return { kind: e.helmWarn, message: `execution error at (${e.location}): ${e.message}`, position: e.position };
    return { kind: 'exec', message: e.message, position: e.position };
  }
  return { kind: 'exec', message: e instanceof Error ? e.message : String(e) };
}

/** Removes every `<no value>` as Helm does, moving segment offsets along. */
export function stripNoValue(output: string, segments: Segment[]): { output: string; segments: Segment[] } {
  const marker = '<no value>';
  if (!output.includes(marker)) return { output, segments };
  const cuts: number[] = [];
  for (let i = output.indexOf(marker); i >= 0; i = output.indexOf(marker, i + marker.length)) cuts.push(i);
  const shift = (offset: number): number => {
    let removed = 0;
    for (const c of cuts) {
      if (c + marker.length <= offset) removed += marker.length;
      else if (c < offset) removed += offset - c;
    }
    return offset - removed;
  };
  const moved = segments
    .map((s) => ({ ...s, outputStart: shift(s.outputStart), outputEnd: shift(s.outputEnd) }))
    .filter((s) => s.outputEnd > s.outputStart);
  return { output: output.replaceAll(marker, ''), segments: moved };
}

/** Helm's sortTemplates: deepest paths first, and among equals reverse lexical order. */
export function helmOrder(names: string[]): string[] {
  const depth = (n: string): number => n.split('/').length - 1;
  return [...names].sort((a, b) => depth(b) - depth(a) || (a < b ? 1 : a > b ? -1 : 0));
}
