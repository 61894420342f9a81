// configMapGenerator and secretGenerator: literals, files and env files, behaviors and generatorOptions.

import type { K8sObject } from '../model/k8sObject';
import { basenameOf } from '../paths';
import type { SourceLocation } from '../types';
import { markIncomplete, readRestrictedFile, report, type RenderContext } from './context';
import { asRecord, sameNamespace, type ResId } from './ids';
import { childNode, field, listField, locationOf, type Entry, type Kustomization } from './kustomizationFile';
import { allIds, metadataOf, resourceFromObject, type Resource } from './resource';
import { setOwn } from '../ownKeys';
import { valueText } from '../model/valueText';

interface Options {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  disableNameSuffixHash: boolean;
  immutable?: boolean;
}

export function runGenerators(ctx: RenderContext, k: Kustomization, resources: Resource[], partial: boolean): void {
  const global = readOptions(field(k, 'generatorOptions')?.value, { labels: {}, annotations: {}, disableNameSuffixHash: false });
  for (const kind of ['ConfigMap', 'Secret'] as const) {
    const key = kind === 'ConfigMap' ? 'configMapGenerator' : 'secretGenerator';
    for (const entry of listField(k, key)) generate(ctx, k, resources, kind, entry, global, partial);
  }
}

function readOptions(value: unknown, base: Options): Options {
  const options = asRecord(value);
  if (!options) return base;
  return {
    labels: { ...base.labels, ...stringRecord(options.labels) },
    annotations: { ...base.annotations, ...stringRecord(options.annotations) },
    disableNameSuffixHash: typeof options.disableNameSuffixHash === 'boolean' ? options.disableNameSuffixHash : base.disableNameSuffixHash,
    immutable: typeof options.immutable === 'boolean' ? options.immutable : base.immutable,
  };
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(asRecord(value) ?? {})) setOwn(out, key, valueText(entry));
  return out;
}

function generate(
  ctx: RenderContext,
  k: Kustomization,
  resources: Resource[],
  kind: 'ConfigMap' | 'Secret',
  entry: Entry,
  global: Options,
  /** Some resources could not be rendered (a remote base): the merge target may be one of them. */
  partial: boolean,
): void {
  const spec = asRecord(entry.value);
  const name = typeof spec?.name === 'string' ? spec.name : '';
  if (!spec || !name) {
    report(ctx, 'kustomize/invalid-generator', 'error', `A ${kind} generator needs a name.`, entry.location);
    return;
  }
  const options = readOptions(spec.options, global);
  const data = collectData(ctx, k, entry, kind);
  const behavior = typeof spec.behavior === 'string' ? spec.behavior : 'create';
  const namespace = typeof spec.namespace === 'string' ? spec.namespace : '';
  if (behavior === 'merge' || behavior === 'replace') {
    const existing = findExisting(resources, kind, name, namespace);
    if (!existing) {
      // The render is already incomplete, and the remote resource warning says what is missing.
      if (partial) return;
      const at = locationOf(k, childNode(entry.node, 'name') ?? entry.node);
      report(ctx, 'kustomize/generator-merge-target', 'error', `${kind} "${name}" has behavior ${behavior} but no earlier ${kind} of that name exists; kustomize build fails.`, at);
      return;
    }
    mergeInto(existing, data, options, behavior, locationOf(k, childNode(entry.node, 'name') ?? entry.node));
    return;
  }
  const body: Record<string, unknown> = { apiVersion: 'v1', kind, metadata: { name } };
  const meta = metadataOf(body);
  if (namespace) meta.namespace = namespace;
  if (Object.keys(options.labels).length) meta.labels = { ...options.labels };
  if (Object.keys(options.annotations).length) meta.annotations = { ...options.annotations };
  if (Object.keys(data).length) body.data = kind === 'Secret' ? base64Values(data) : data;
  if (kind === 'Secret') body.type = typeof spec.type === 'string' ? spec.type : 'Opaque';
  if (options.immutable) body.immutable = true;
  const resource = resourceFromObject(generatedObject(k, entry, body, kind, name));
  resource.needsHash = !options.disableNameSuffixHash;
  const origin: SourceLocation = entry.location;
  for (const key of Object.keys(options.labels)) resource.labelOrigins.set(key, { addedBy: 'generatorOptions', location: origin });
  for (const key of Object.keys(options.annotations)) resource.annotationOrigins.set(key, { addedBy: 'generatorOptions', location: origin });
  resources.push(resource);
}

function generatedObject(k: Kustomization, entry: Entry, body: Record<string, unknown>, kind: string, name: string): K8sObject {
  const nameNode = childNode(entry.node, 'name');
  const location = entry.location;
  return {
    id: `${k.file}#${kind === 'ConfigMap' ? 'configMapGenerator' : 'secretGenerator'}/${name}`,
    apiVersion: 'v1',
    group: '',
    kind,
    name,
    annotations: new Map(),
    labels: new Map(),
    body,
    source: {
      file: k.file,
      docIndex: 0,
      span: location.span,
      anchor: locationOf(k, nameNode ?? entry.node).span,
      generatedBy: location,
    },
  };
}

function findExisting(resources: Resource[], kind: string, name: string, namespace: string): Resource | undefined {
  const wanted: ResId = { group: '', version: 'v1', kind, name, namespace };
  return resources.find((r) => allIds(r).some((id) => id.kind === kind && id.group === '' && id.name === name && sameNamespace(id, wanted)));
}

function mergeInto(existing: Resource, data: Record<string, string>, options: Options, behavior: string, at: SourceLocation): void {
  const kind = existing.body.kind;
  const encoded = kind === 'Secret' ? base64Values(data) : data;
  const current = behavior === 'merge' ? (asRecord(existing.body.data) ?? {}) : {};
  existing.body.data = { ...current, ...encoded };
  const meta = metadataOf(existing.body);
  if (Object.keys(options.labels).length) meta.labels = { ...(asRecord(meta.labels) ?? {}), ...options.labels };
  if (Object.keys(options.annotations).length) meta.annotations = { ...(asRecord(meta.annotations) ?? {}), ...options.annotations };
  for (const key of Object.keys(options.labels)) existing.labelOrigins.set(key, { addedBy: 'generatorOptions', location: at });
  for (const key of Object.keys(options.annotations)) existing.annotationOrigins.set(key, { addedBy: 'generatorOptions', location: at });
  if (options.disableNameSuffixHash) existing.needsHash = false;
}

function collectData(ctx: RenderContext, k: Kustomization, entry: Entry, kind: string): Record<string, string> {
  const data: Record<string, string> = {};
  const spec = asRecord(entry.value) ?? {};
  const items = (key: string): Array<{ text: string; at: SourceLocation }> => {
    const list = childNode(entry.node, key);
    const values = Array.isArray(spec[key]) ? (spec[key] as unknown[]) : [];
    const nodes = list && 'items' in list ? ((list as unknown as { items: unknown[] }).items) : [];
    return values.map((value, index) => ({ text: String(value), at: locationOf(k, nodes[index] ?? entry.node) }));
  };
  for (const env of [...items('envs'), ...(typeof spec.env === 'string' ? [{ text: spec.env, at: entry.location }] : [])]) {
    const file = readRestrictedFile(ctx, k, env.text, env.at, `${kind} env file`);
    if (file) Object.assign(data, parseEnvFile(file.text));
  }
  for (const literal of items('literals')) {
    const eq = literal.text.indexOf('=');
    if (eq <= 0) {
      report(ctx, 'kustomize/invalid-generator', 'error', `Literal "${literal.text}" must look like KEY=VALUE.`, literal.at);
      continue;
    }
    setOwn(data, literal.text.slice(0, eq), removeQuotes(literal.text.slice(eq + 1)));
  }
  for (const source of items('files')) {
    const eq = source.text.indexOf('=');
    const key = eq > 0 ? source.text.slice(0, eq) : basenameOf(source.text);
    const path = eq > 0 ? source.text.slice(eq + 1) : source.text;
    const file = readRestrictedFile(ctx, k, path, source.at, `${kind} file`);
    if (file) setOwn(data, key, file.text);
  }
  return data;
}

/** Kustomize strips one pair of matching surrounding quotes from literal values. */
function removeQuotes(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return value.slice(1, -1);
  return value;
}

/** Env files: KEY=VALUE lines; blank lines and `#` comments skipped; the value is kept verbatim. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

function base64Values(data: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) setOwn(out, key, encodeBase64(value));
  return out;
}

/**
 * Kustomize's encodeBase64 (api/kv): lines of 70 characters, each followed by a line break once the encoding
 * needs more than one line by its count (`len/70 + 1 > 1`), so a Secret's data and its name hash match kustomize.
 */
export function encodeBase64(value: string): string {
  const encoded = Buffer.from(value, 'utf8').toString('base64');
  const LINE = 70;
  if (Math.floor(encoded.length / LINE) + 1 <= 1) return encoded;
  let out = '';
  for (let i = 0; i < encoded.length; i += LINE) out += `${encoded.slice(i, i + LINE)}\n`;
  return out;
}
