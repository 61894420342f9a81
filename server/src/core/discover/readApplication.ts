// Reads what SyncPlan needs from an Argo CD Application object (argoproj.io/v1alpha1 ApplicationSpec).

import type { K8sObject } from '../model/k8sObject';
import type { DirectoryOptions } from './appTypes';

export interface ApplicationSourceRef {
  path: string;
  directory?: DirectoryOptions;
  /** `spec.source.chart`: a chart from a Helm repository, not a folder. */
  chart?: string;
}

export interface ApplicationInfo {
  name: string;
  sources: ApplicationSourceRef[];
  destinationNamespace?: string;
  syncOptions: string[];
}

export function readApplication(app: K8sObject): ApplicationInfo {
  const spec = asRecord(app.body.spec);
  const sources = [asRecord(spec.source), ...asArray(spec.sources).map(asRecord)].filter((s) => Object.keys(s).length > 0);
  const syncPolicy = asRecord(spec.syncPolicy);
  return {
    name: app.name,
    sources: sources
      .map((s) => ({ path: typeof s.path === 'string' ? s.path : '', directory: readDirectory(s.directory), chart: typeof s.chart === 'string' ? s.chart : undefined }))
      .filter((s) => s.path !== '' || s.chart),
    destinationNamespace: stringOrUndefined(asRecord(spec.destination).namespace),
    syncOptions: asArray(syncPolicy.syncOptions).filter((o): o is string => typeof o === 'string'),
  };
}

function readDirectory(value: unknown): DirectoryOptions | undefined {
  if (value === undefined || value === null) return undefined;
  const dir = asRecord(value);
  return { recurse: dir.recurse === true, include: stringOrUndefined(dir.include), exclude: stringOrUndefined(dir.exclude) };
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
