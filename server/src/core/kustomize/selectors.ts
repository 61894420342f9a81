// Patch targets: Kustomize's `Select` (anchored regexes on GVK, name, namespace; label and annotation selectors).

import { RE2JS } from 're2js';
import { regexTooLarge } from './regexSize';
import { asRecord, isClusterScoped, type ResId } from './ids';
import { currentId, stringMap, type Resource } from './resource';

export interface Target {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

export function readTarget(value: unknown): Target | undefined {
  const t = asRecord(value);
  if (!t) return undefined;
  const text = (key: string): string | undefined => (typeof t[key] === 'string' && t[key] !== '' ? (t[key] as string) : undefined);
  return {
    group: text('group'),
    version: text('version'),
    kind: text('kind'),
    name: text('name'),
    namespace: text('namespace'),
    labelSelector: text('labelSelector'),
    annotationSelector: text('annotationSelector'),
  };
}

interface Matcher {
  test(value: string): boolean;
}

/** Kustomize compiles selectors as Go RE2 regexes anchored at both ends; RE2JS runs them in linear time, so a
 * pattern like `(a+)+$` from the workspace cannot make matching take exponential time. */
function anchored(pattern: string | undefined): Matcher | undefined {
  if (pattern === undefined) return undefined;
  let matcher = compiledSelectors.get(pattern);
  if (matcher) return matcher;
  let compiled: RE2JS;
  try {
    if (regexTooLarge(pattern)) throw new Error('too large');
    compiled = RE2JS.compile(`^(?:${pattern})$`);
  } catch {
    compiled = RE2JS.compile(`^${RE2JS.quote(pattern)}$`);
  }
  matcher = { test: (value) => compiled.matches(value) };
  if (compiledSelectors.size >= MAX_COMPILED_SELECTORS) compiledSelectors.clear();
  compiledSelectors.set(pattern, matcher);
  return matcher;
}

/** Selector patterns compiled once: every overlay patching the same target compiles the same few patterns. */
const compiledSelectors = new Map<string, Matcher>();
const MAX_COMPILED_SELECTORS = 1000;

/** Kustomize matches name and namespace against the original id or the current one. */
export function selectResources(resources: Resource[], target: Target): Resource[] {
  const group = anchored(target.group);
  const version = anchored(target.version);
  const kind = anchored(target.kind);
  const name = anchored(target.name);
  const namespace = anchored(target.namespace);
  return resources.filter((resource) => {
    const cur = currentId(resource);
    const org = resource.orgId;
    if (namespace && !namespace.test(effectiveNamespace(org)) && !namespace.test(effectiveNamespace(cur))) return false;
    if (name && !name.test(org.name) && !name.test(cur.name)) return false;
    if (group && !group.test(cur.group)) return false;
    if (version && !version.test(cur.version)) return false;
    if (kind && !kind.test(cur.kind)) return false;
    const meta = asRecord(resource.body.metadata);
    if (target.labelSelector && !matchesSelector(target.labelSelector, stringMap(meta?.labels))) return false;
    if (target.annotationSelector && !matchesSelector(target.annotationSelector, stringMap(meta?.annotations))) return false;
    return true;
  });
}

function effectiveNamespace(id: ResId): string {
  if (isClusterScoped(id.group, id.kind)) return '';
  return id.namespace || 'default';
}

/** Kubernetes label selector syntax: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`. */
export function matchesSelector(selector: string, values: Record<string, string>): boolean {
  for (const requirement of splitRequirements(selector)) {
    const text = requirement.trim();
    if (!text) continue;
    let match: RegExpMatchArray | null;
    if ((match = text.match(/^(\S+)\s+(in|notin)\s*\((.*)\)$/))) {
      const set = match[3].split(',').map((v) => v.trim());
      const has = Object.hasOwn(values, match[1]) && set.includes(values[match[1]]);
      if (match[2] === 'in' ? !has : has) return false;
    } else if ((match = text.match(/^(\S+?)\s*!=\s*(\S*)$/))) {
      if (Object.hasOwn(values, match[1]) && values[match[1]] === match[2]) return false;
    } else if ((match = text.match(/^(\S+?)\s*==?\s*(\S*)$/))) {
      if (!Object.hasOwn(values, match[1]) || values[match[1]] !== match[2]) return false;
    } else if (text.startsWith('!')) {
      if (Object.hasOwn(values, text.slice(1).trim())) return false;
    } else if (!Object.hasOwn(values, text)) {
      return false;
    }
  }
  return true;
}

/** Splits on commas outside parentheses. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}
