// `replacements` (Kustomize v5 api/filters/replacement): copy one field of a source object into fields of target
// objects. Runs after every other transformer of the kustomization (ReplacementTransformer comes last). The
// source must select exactly one object (exact ids, as ResId.IsSelectedBy); targets select with the patch
// selector (anchored regexes, label and annotation selectors) minus `reject`. A failure fails the build.

import { parse } from 'yaml';
import type { SourceLocation } from '../types';
import { markIncomplete, readRestrictedFile, report, type RenderContext } from './context';
import { asRecord, isClusterScoped, type ResId } from './ids';
import { childNode, listField, locationOf, type Kustomization } from './kustomizationFile';
import { allIds, currentId, stringMap, type Resource } from './resource';
import { readTarget, selectResources, type Target } from './selectors';
import { valueText } from '../model/valueText';
import { setOwn } from '../ownKeys';

interface Options {
  delimiter: string;
  index: number;
  create: boolean;
}

interface Replacement {
  source?: { id: Partial<ResId>; fieldPath: string; options: Options };
  targets: { select?: Target; reject: Target[]; fieldPaths: string[]; options: Options }[];
}

/** Where a field is: its container and key, so it can be read and replaced. */
interface Place {
  container: Record<string, unknown> | unknown[];
  key: string | number;
}

const DEFAULT_FIELD_PATH = 'metadata.name';

/** Kustomize's error text, a short version for the one-line message, and which part of the entry is at fault. */
class ReplacementError extends Error {
  constructor(
    message: string,
    readonly short: string,
    readonly part: 'source' | 'targets',
  ) {
    super(message);
  }
}

export function applyReplacements(ctx: RenderContext, k: Kustomization, resources: Resource[], partial: boolean): void {
  for (const entry of listField(k, 'replacements')) {
    for (const replacement of readEntry(ctx, k, entry.value, entry.location)) {
      try {
        apply(replacement, resources, partial, entry.location);
      } catch (e) {
        if (!(e instanceof ReplacementError)) throw e;
        const node = childNode(entry.node, e.part);
        const at = node ? locationOf(k, node) : entry.location;
        report(ctx, 'kustomize/replacement-failed', 'error', `${e.short}: kustomize build fails.`, at, `${e.message}: the replacement fails, so kustomize build fails and Argo CD cannot render this application.`);
        markIncomplete(ctx, `a replacement in ${k.file} fails (${e.message})`);
      }
    }
  }
}

/** An inline replacement, or the one or many a `path:` file holds. */
function readEntry(ctx: RenderContext, k: Kustomization, value: unknown, at: SourceLocation): Replacement[] {
  const spec = asRecord(value);
  if (!spec) return [];
  if (typeof spec.path !== 'string') return [readReplacement(spec)];
  const file = readRestrictedFile(ctx, k, spec.path, at, 'replacement file');
  if (!file) return [];
  let content: unknown;
  try {
    content = parse(file.text, { logLevel: 'error' });
  } catch {
    content = undefined;
  }
  const items = Array.isArray(content) ? content : [content];
  return items.map((item) => readReplacement(asRecord(item) ?? {}));
}

function readReplacement(spec: Record<string, unknown>): Replacement {
  const source = asRecord(spec.source);
  const text = (record: Record<string, unknown> | undefined, key: string): string | undefined => (typeof record?.[key] === 'string' && record[key] !== '' ? (record[key] as string) : undefined);
  const targets = Array.isArray(spec.targets) ? spec.targets.map(asRecord).filter((t): t is Record<string, unknown> => t !== undefined) : [];
  return {
    source: source && {
      id: { group: text(source, 'group'), version: text(source, 'version'), kind: text(source, 'kind'), name: text(source, 'name'), namespace: text(source, 'namespace') },
      fieldPath: text(source, 'fieldPath') ?? DEFAULT_FIELD_PATH,
      options: readOptions(source.options),
    },
    targets: targets.map((t) => ({
      select: readTarget(t.select),
      reject: (Array.isArray(t.reject) ? t.reject : []).map(readTarget).filter((r): r is Target => r !== undefined),
      fieldPaths: Array.isArray(t.fieldPaths) && t.fieldPaths.length > 0 ? t.fieldPaths.filter((p): p is string => typeof p === 'string') : [DEFAULT_FIELD_PATH],
      options: readOptions(t.options),
    })),
  };
}

function readOptions(value: unknown): Options {
  const o = asRecord(value) ?? {};
  return { delimiter: typeof o.delimiter === 'string' ? o.delimiter : '', index: typeof o.index === 'number' ? Math.trunc(o.index) : 0, create: o.create === true };
}

function apply(replacement: Replacement, resources: Resource[], partial: boolean, at: SourceLocation): void {
  if (!replacement.source || replacement.targets.length === 0) throw new ReplacementError('replacements must specify a source and at least one target', 'A replacement needs a source and a target', 'source');
  const matches = resources.filter((r) => allIds(r).some((id) => isSelectedBy(id, replacement.source!.id)));
  if (matches.length === 0) {
    // The source may be among the objects SyncPlan could not render (a remote base); the render is incomplete already.
    if (partial) return;
    throw new ReplacementError(`nothing selected by ${describe(replacement.source.id)}`, 'No object matches this replacement source', 'source');
  }
  if (matches.length > 1) throw new ReplacementError(`multiple matches for selector ${describe(replacement.source.id)}`, 'Several objects match this replacement source', 'source');
  const places = resolve(matches[0].body, splitPath(replacement.source.fieldPath), false);
  const found = places.map((p) => valueAt(p)).find((v) => v !== undefined && v !== null && v !== '');
  if (found === undefined) throw new ReplacementError(`fieldPath \`${replacement.source.fieldPath}\` is missing for replacement source ${describe(currentId(matches[0]))}`, 'The replacement source lacks its fieldPath', 'source');
  const value = refine(replacement.source.options, found);
  for (const target of replacement.targets) {
    if (!target.select) throw new ReplacementError('target must specify resources to select', 'A replacement target selects nothing', 'targets');
    const rejected = new Set(target.reject.flatMap((r) => selectResources(resources, r)));
    for (const resource of selectResources(resources, target.select)) {
      if (rejected.has(resource)) continue;
      copyToTarget(resource, value, target.fieldPaths, target.options, at);
    }
  }
}

/** getRefinedValue: with a delimiter, the source value's `index`-th part. */
function refine(options: Options, value: unknown): unknown {
  if (!options.delimiter) return value;
  const parts = scalarText(value).split(options.delimiter);
  if (options.index < 0 || options.index >= parts.length) throw new ReplacementError(`options.index ${options.index} is out of bounds for value ${scalarText(value)}`, 'The source value has no part at options.index', 'source');
  return parts[options.index];
}

function copyToTarget(resource: Resource, value: unknown, fieldPaths: string[], options: Options, at: SourceLocation): void {
  const before = { annotations: stringMap(asRecord(resource.body.metadata)?.annotations), labels: stringMap(asRecord(resource.body.metadata)?.labels) };
  for (const fieldPath of fieldPaths) {
    const places = resolve(resource.body, splitPath(fieldPath), options.create);
    if (places.length === 0) throw new ReplacementError(`unable to ${options.create ? 'find or create' : 'find'} field "${fieldPath}" in replacement target`, 'A replacement target lacks a field it names', 'targets');
    for (const place of places) setValue(place, value, options);
  }
  recordOrigins(resource, before, at);
}

/** setFieldValue: a scalar target keeps its type where the text allows; anything else is replaced by a copy. */
function setValue(place: Place, value: unknown, options: Options): void {
  const current = valueAt(place);
  let next = value;
  if (options.delimiter) {
    if (current !== undefined && current !== null && typeof current === 'object') throw new ReplacementError('delimiter option can only be used with scalar nodes', 'A delimiter option needs a scalar target field', 'targets');
    const parts = current === undefined || current === null ? [''] : scalarText(current).split(options.delimiter);
    const text = scalarText(value);
    if (options.index < 0) parts.unshift(text);
    else if (options.index >= parts.length) parts.push(text);
    else parts[options.index] = text;
    next = parts.join(options.delimiter);
  }
  const isScalar = (v: unknown): boolean => v !== null && v !== undefined && typeof v !== 'object';
  if (isScalar(current)) next = sameType(current, typeof next === 'object' && next !== null ? '' : scalarText(next));
  else next = structuredClone(next);
  setRaw(place, next);
}

/** Kustomize copies only the scalar's text and keeps the target's tag: `replicas: 1` stays a number. */
function sameType(current: unknown, text: string): unknown {
  if (typeof current === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (typeof current === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Changed or added annotations and labels now come from the replacement, which findings about them point at. */
function recordOrigins(resource: Resource, before: { annotations: Record<string, string>; labels: Record<string, string> }, at: SourceLocation): void {
  const meta = asRecord(resource.body.metadata);
  for (const [field, origins] of [['annotations', resource.annotationOrigins], ['labels', resource.labelOrigins]] as const) {
    const after = stringMap(meta?.[field]);
    if (meta && asRecord(meta[field])) meta[field] = after;
    for (const [key, text] of Object.entries(after)) {
      if (before[field][key] !== text) origins.set(key, { addedBy: 'replacements', location: at });
    }
  }
}

/** kyaml's SmarterPathSplitter: `.` separates, `\.` escapes, `[...]` is one element (`[a.b]` a key, `[k=v]` a list match). */
export function splitPath(path: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '\\' && path[i + 1] === '.') {
      current += '.';
      i++;
    } else if (c === '[') {
      depth++;
      current += c;
    } else if (c === ']') {
      depth = Math.max(0, depth - 1);
      current += c;
    } else if (c === '.' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  // A bracketed map key loses its brackets; a list match `[k=v]` keeps them.
  return parts.map((p) => (p.startsWith('[') && p.endsWith(']') && !p.includes('=') ? p.slice(1, -1) : p));
}

/** PathMatcher: every place the path reaches; with `create`, missing map keys and list matches are made. */
function resolve(root: Record<string, unknown>, path: string[], create: boolean): Place[] {
  let places: Place[] = [{ container: { root }, key: 'root' }];
  for (let i = 0; i < path.length; i++) {
    const element = path[i];
    const next: Place[] = [];
    for (const place of places) {
      let node = valueAt(place);
      if ((node === undefined || node === null) && create) {
        node = isListElement(element) ? [] : {};
        setRaw(place, node);
      }
      next.push(...step(node, element, create));
    }
    places = next;
  }
  return places;
}

function step(node: unknown, element: string, create: boolean): Place[] {
  if (Array.isArray(node)) {
    if (element === '*' || element === '-') return node.map((_, index) => ({ container: node, key: index }));
    if (/^\d+$/.test(element)) return Number(element) < node.length ? [{ container: node, key: Number(element) }] : [];
    const match = /^\[([^=]*)=(.*)\]$/.exec(element);
    if (!match) return [];
    const [, key, wanted] = match;
    const found = node.flatMap((item, index) => {
      if (key === '') return scalarText(item) === wanted ? [{ container: node, key: index }] : [];
      const record = asRecord(item);
      return record && Object.hasOwn(record, key) && scalarText(record[key]) === wanted ? [{ container: node, key: index }] : [];
    });
    if (found.length === 0 && create && key !== '') {
      node.push({ [key]: wanted });
      return [{ container: node, key: node.length - 1 }];
    }
    return found;
  }
  const record = asRecord(node);
  if (!record) return [];
  if (element === '*') return Object.keys(record).map((key) => ({ container: record, key }));
  if (Object.hasOwn(record, element) || create) return [{ container: record, key: element }];
  return [];
}

function isListElement(element: string): boolean {
  return /^\[.*=.*\]$/.test(element) || /^\d+$/.test(element) || element === '-';
}

function valueAt(place: Place): unknown {
  if (Array.isArray(place.container)) return place.container[place.key as number];
  return Object.hasOwn(place.container, place.key as string) ? place.container[place.key as string] : undefined;
}

function setRaw(place: Place, value: unknown): void {
  if (Array.isArray(place.container)) place.container[place.key as number] = value;
  else setOwn(place.container, place.key as string, value);
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : valueText(value);
}

/** ResId.IsSelectedBy: every field the selector sets is equal; namespaces compare as effective namespaces. */
function isSelectedBy(id: ResId, selector: Partial<ResId>): boolean {
  if (selector.name !== undefined && selector.name !== id.name) return false;
  if (selector.namespace !== undefined && effective(selector.namespace, id) !== effective(id.namespace, id)) return false;
  if (selector.group !== undefined && selector.group !== id.group) return false;
  if (selector.version !== undefined && selector.version !== id.version) return false;
  return selector.kind === undefined || selector.kind === id.kind;
}

function effective(namespace: string | undefined, id: ResId): string {
  if (isClusterScoped(id.group, id.kind)) return '';
  return namespace || 'default';
}

/** ResId.String(), as Kustomize's messages print a selector: `ConfigMap.[noVer].[noGrp]/name.[noNs]`. */
function describe(id: Partial<ResId>): string {
  return `${id.kind || '[noKind]'}.${id.version || '[noVer]'}.${id.group || '[noGrp]'}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}
