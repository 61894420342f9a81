// Helm's built-in template objects: .Release, .Chart, .Files, .Capabilities (pkg/chartutil, pkg/engine/files.go).

import { compileGlob } from '../glob/linearGlob';
import { GoInt } from '../gotemplate';
import { toYaml } from '../gotemplate/helmFuncs';
import type { LoadedChart } from './chartLoader';
import { lookupTable } from '../ownKeys';

export interface ReleaseOptions {
  name: string;
  namespace: string;
}

/** `helm template` renders as a first install (Run: IsInstall true, Revision 1, Service Helm). */
export function releaseObject(options: ReleaseOptions): Record<string, unknown> {
  return { Name: options.name, Namespace: options.namespace, IsInstall: true, IsUpgrade: false, Revision: new GoInt(1n), Service: 'Helm' };
}

/** Chart.yaml keys as the Go struct chart.Metadata names them; absent strings are "" as in Go. */
const METADATA_FIELDS: Readonly<Record<string, string>> = lookupTable({
  name: 'Name', home: 'Home', sources: 'Sources', version: 'Version', description: 'Description', keywords: 'Keywords',
  maintainers: 'Maintainers', icon: 'Icon', apiVersion: 'APIVersion', condition: 'Condition', tags: 'Tags',
  appVersion: 'AppVersion', deprecated: 'Deprecated', annotations: 'Annotations', kubeVersion: 'KubeVersion',
  dependencies: 'Dependencies', type: 'Type',
});
const STRING_FIELDS = ['Name', 'Home', 'Version', 'Description', 'Icon', 'APIVersion', 'Condition', 'Tags', 'AppVersion', 'KubeVersion', 'Type'];

export function chartObject(chart: LoadedChart, isRoot: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(STRING_FIELDS.map((f) => [f, '']));
  out.Deprecated = false;
  for (const [key, value] of Object.entries(chart.metadata)) {
    const field = METADATA_FIELDS[key];
    if (field) out[field] = typeof value === 'number' ? String(value) : value;
  }
  out.Name = chart.name;
  out.IsRoot = isRoot;
  return out;
}

/** `.Files`: the chart's non-template files by chart-relative path, with Helm's methods (not enumerable, so `range` sees files only). */
export class HelmFiles {
  [name: string]: unknown;

  static of(entries: Iterable<[string, string]>): HelmFiles {
    const files = new HelmFiles();
    for (const [name, text] of entries) files[name] = text;
    return files;
  }

  Get(name: unknown): string {
    const value = typeof name === 'string' ? this[name] : undefined;
    return typeof value === 'string' ? value : '';
  }

  GetBytes(name: unknown): string {
    return this.Get(name);
  }

  /** gobwas/glob with `/` as separator: `*` stays in one folder, `**` crosses folders. */
  Glob(pattern: unknown): HelmFiles {
    const matcher = compileGlob(String(pattern), 'gobwas');
    return HelmFiles.of(this.names().filter((n) => matcher.test(n)).map((n) => [n, this.Get(n)]));
  }

  Lines(name: unknown): string[] {
    const text = this.Get(name);
    if (text === '') return [];
    return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  }

  AsConfig(): string {
    return this.names().length === 0 ? '' : toYaml(Object.fromEntries(this.names().map((n) => [baseName(n), this.Get(n)])));
  }

  AsSecrets(): string {
    const encoded = this.names().map((n) => [baseName(n), Buffer.from(this.Get(n), 'utf8').toString('base64')]);
    return encoded.length === 0 ? '' : toYaml(Object.fromEntries(encoded));
  }

  private names(): string[] {
    return Object.keys(this).sort();
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export interface CapabilityOptions {
  /** e.g. `v1.32.0`. */
  kubeVersion: string;
  /** `group/version` and `group/version/Kind` strings. */
  apiVersions: string[];
}

/** `.Capabilities`: KubeVersion (Version, Major, Minor, GitVersion), APIVersions with `Has`, HelmVersion. */
export function capabilitiesObject(options: CapabilityOptions): Record<string, unknown> {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(options.kubeVersion);
  const major = match?.[1] ?? '1';
  const minor = match?.[2] ?? '32';
  const version = `v${major}.${minor}.${match?.[3] ?? '0'}`;
  const apiVersions = [...options.apiVersions];
  const set = new Set(apiVersions);
  Object.defineProperty(apiVersions, 'Has', { enumerable: false, value: (v: unknown) => typeof v === 'string' && set.has(v) });
  const kube = { Version: version, Major: major, Minor: minor, GitVersion: version };
  Object.defineProperty(kube, 'String', { enumerable: false, value: () => version });
  return {
    KubeVersion: kube,
    APIVersions: apiVersions,
    HelmVersion: { Version: 'v3.17.3', GitCommit: '', GitTreeState: '', GoVersion: 'go1.23.7' },
  };
}
