// `spec.source.helm` of an Argo CD Application (ApplicationSourceHelm, types.go), and the `.argocd-source*.yaml`
// overrides the repo server merges into the source before rendering (repository.go mergeSourceParameters).

import { parse as parseYaml } from 'yaml';
import { joinPath } from '../paths';
import type { FileHost } from '../types';

export interface HelmParameter {
  name: string;
  value: string;
  /** `forceString: true` passes the parameter with `--set-string`. */
  forceString: boolean;
}

export interface HelmSourceOptions {
  releaseName?: string;
  namespace?: string;
  valueFiles: string[];
  ignoreMissingValueFiles: boolean;
  /** `values` (a YAML string) or `valuesObject` (which wins), passed as the last `--values`. */
  values?: unknown;
  parameters: HelmParameter[];
  fileParameters: { name: string; path: string }[];
  skipCrds: boolean;
  skipTests: boolean;
  /** `--skip-schema-validation` (Argo CD 2.14 and later). */
  skipSchemaValidation: boolean;
  kubeVersion?: string;
  apiVersions?: string[];
}

export function readHelmOptions(raw: unknown): HelmSourceOptions {
  const h = record(raw);
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  const valuesObject = record(h.valuesObject);
  return {
    releaseName: nonEmpty(h.releaseName),
    namespace: nonEmpty(h.namespace),
    valueFiles: strings(h.valueFiles),
    ignoreMissingValueFiles: h.ignoreMissingValueFiles === true,
    values: Object.keys(valuesObject).length > 0 ? valuesObject : typeof h.values === 'string' ? h.values : undefined,
    parameters: records(h.parameters)
      .filter((p) => typeof p.name === 'string' && p.name !== '')
      .map((p) => ({ name: p.name as string, value: scalarText(p.value), forceString: p.forceString === true })),
    fileParameters: records(h.fileParameters)
      .filter((p) => typeof p.name === 'string' && typeof p.path === 'string')
      .map((p) => ({ name: p.name as string, path: p.path as string })),
    skipCrds: h.skipCrds === true,
    skipTests: h.skipTests === true,
    skipSchemaValidation: h.skipSchemaValidation === true,
    kubeVersion: nonEmpty(h.kubeVersion),
    apiVersions: Array.isArray(h.apiVersions) ? strings(h.apiVersions) : undefined,
  };
}

/**
 * The source's `helm` block after `.argocd-source.yaml` and then `.argocd-source-<app>.yaml` in the source folder
 * are merged over it (a JSON merge patch: maps merge, lists and scalars replace). Returns the files read.
 */
export function helmBlockWithOverrides(host: FileHost, dir: string, appName: string, helm: unknown): { helm: unknown; filesRead: string[] } {
  let source: Record<string, unknown> = { helm: helm ?? {} };
  const filesRead: string[] = [];
  for (const name of ['.argocd-source.yaml', `.argocd-source-${appName}.yaml`]) {
    const path = joinPath(dir, name);
    const text = host.readFile(path);
    if (text === undefined) continue;
    filesRead.push(path);
    try {
      source = mergePatch(source, parseYaml(text, { version: '1.1', logLevel: 'error' })) as Record<string, unknown>;
    } catch {
      // A broken override file makes Argo CD fail the render; the file itself gets a parse finding elsewhere.
    }
  }
  return { helm: source.helm, filesRead };
}

/** RFC 7386 JSON merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = { ...record(target) };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function records(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map(record) : [];
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Parameters are strings in the CRD; a YAML number or boolean written unquoted is read as its text. */
function scalarText(v: unknown): string {
  return v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v);
}
