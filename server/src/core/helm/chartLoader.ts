// Loads a Helm chart directory through the FileHost as Helm's loader does (pkg/chart/loader): Chart.yaml v1/v2,
// requirements.yaml, values.yaml, .helmignore, templates/, crds/, other files for .Files, subcharts in charts/.

import { parseHelmYaml } from '../parse/yamlValueMemo';
import { isInside, joinPath, normalizePath } from '../paths';
import type { FileHost } from '../types';
import { helmIgnoreMatcher } from './helmIgnore';

export interface ChartDependency {
  name: string;
  version?: string;
  repository?: string;
  condition?: string;
  tags: string[];
  alias?: string;
  importValues: unknown[];
}

export interface LoadedChart {
  /** Absolute folder of the chart. */
  dir: string;
  /** Chart.yaml as written (name, version, apiVersion ...). */
  metadata: Record<string, unknown>;
  name: string;
  isLibrary: boolean;
  /** values.yaml, or {} when absent. */
  values: Record<string, unknown>;
  /** Chart-relative paths (`templates/x.yaml`) of template files, with their text. */
  templates: { rel: string; text: string }[];
  /** Every other non-ignored file (incl. crds/), chart-relative, read lazily for .Files. */
  files: string[];
  dependencies: ChartDependency[];
  /** Subcharts found in charts/ (folders) and resolved `file://` dependencies. */
  subcharts: LoadedChart[];
  /** Packed subcharts (charts/*.tgz) that are not read. */
  packed: string[];
  /** Why the chart cannot be rendered as Helm would (invalid Chart.yaml or values.yaml). */
  errors: string[];
  /** values.schema.json as written, when the chart has one. */
  schema?: string;
}

const MAX_FILES = 5000;
const MAX_DEPTH = 10;

/** Loads the chart at `dir`; undefined when there is no Chart.yaml. Never throws. */
export function loadChart(host: FileHost, dir: string, depth = 0): LoadedChart | undefined {
  const chartYaml = host.readFile(joinPath(dir, 'Chart.yaml'));
  if (chartYaml === undefined) return undefined;
  const errors: string[] = [];
  const metadata = readYamlMap(chartYaml, 'Chart.yaml', errors);
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  if (!name) errors.push('Chart.yaml has no name (Helm: "validation: chart.metadata.name is required").');
  const ignored = helmIgnoreMatcher(host.readFile(joinPath(dir, '.helmignore')));
  const rels = listFiles(host, dir, errors).filter((rel) => !ignored(rel));
  const chart: LoadedChart = {
    dir,
    metadata,
    name,
    isLibrary: metadata.type === 'library',
    values: {},
    templates: [],
    files: [],
    dependencies: [],
    subcharts: [],
    packed: [],
    errors,
  };
  let requirements: Record<string, unknown> | undefined;
  const subchartDirs = new Set<string>();
  for (const rel of rels) {
    if (rel === 'Chart.yaml' || rel === 'requirements.lock' || rel === 'Chart.lock') continue;
    if (rel === 'values.schema.json') chart.schema = host.readFile(joinPath(dir, rel));
    else if (rel === 'values.yaml') chart.values = readYamlMap(host.readFile(joinPath(dir, rel)) ?? '', 'values.yaml', errors);
    else if (rel === 'requirements.yaml') requirements = readYamlMap(host.readFile(joinPath(dir, rel)) ?? '', 'requirements.yaml', errors);
    else if (rel.startsWith('templates/')) chart.templates.push({ rel, text: host.readFile(joinPath(dir, rel)) ?? '' });
    else if (rel.startsWith('charts/')) {
      const [, first] = rel.split('/');
      if (rel.split('/').length > 2) subchartDirs.add(first);
      else if (/\.tgz$/i.test(first)) chart.packed.push(rel);
    } else chart.files.push(rel);
  }
  // Chart.yaml v2 lists dependencies itself; v1 charts use requirements.yaml.
  const declared = Array.isArray(metadata.dependencies) ? metadata.dependencies : Array.isArray(requirements?.dependencies) ? requirements.dependencies : [];
  chart.dependencies = declared.map(readDependency).filter((d): d is ChartDependency => d !== undefined);
  if (depth < MAX_DEPTH) {
    for (const sub of [...subchartDirs].sort()) {
      const loaded = loadChart(host, joinPath(dir, 'charts', sub), depth + 1);
      if (loaded) chart.subcharts.push(loaded);
    }
    // `helm dependency build` (what Argo CD runs) copies the top chart's `file://` dependencies as they are on disk:
    // theirs are not resolved in turn, and Helm renders a subchart without them (checked against helm 3.17.3).
    if (depth === 0) addFileDependencies(host, chart);
  }
  return chart;
}

/** `file://` dependencies absent from charts/: `helm dependency build` copies them there offline, so read them in place. */
function addFileDependencies(host: FileHost, chart: LoadedChart): void {
  for (const dep of chart.dependencies) {
    if (!dep.repository?.startsWith('file://') || chart.subcharts.some((s) => s.name === dep.name)) continue;
    const target = normalizePath(joinPath(chart.dir, dep.repository.slice('file://'.length)));
    const loaded = loadChart(host, target, 1);
    if (loaded && loaded.name === dep.name) chart.subcharts.push(loaded);
  }
}

function readDependency(value: unknown): ChartDependency | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const d = value as Record<string, unknown>;
  if (typeof d.name !== 'string' || d.name === '') return undefined;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    name: d.name,
    version: str(d.version),
    repository: str(d.repository),
    condition: str(d.condition),
    tags: Array.isArray(d.tags) ? d.tags.filter((t): t is string => typeof t === 'string') : [],
    alias: str(d.alias),
    importValues: Array.isArray(d['import-values']) ? d['import-values'] : [],
  };
}

function readYamlMap(text: string, label: string, errors: string[]): Record<string, unknown> {
  try {
    const value = parseHelmYaml(text) as unknown;
    if (value === null || value === undefined) return {};
    if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    errors.push(`${label} is not a YAML map.`);
  } catch (e) {
    errors.push(`${label} is not valid YAML: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  }
  return {};
}

/**
 * Chart-relative paths of every file under `dir`, sorted; sub-chart folders are listed too (the caller splits them).
 * Helm follows folder links; a link back into a folder already walked would repeat forever (Helm stops when the path
 * grows too long and fails to load the chart), so it is walked once and named in `errors`.
 */
function listFiles(host: FileHost & { realPath?(path: string): string }, dir: string, errors: string[]): string[] {
  const out: string[] = [];
  const pending: string[] = [''];
  const seen = new Set<string>();
  while (pending.length > 0 && out.length < MAX_FILES) {
    const rel = pending.pop() as string;
    const abs = rel ? joinPath(dir, rel) : dir;
    const real = host.realPath?.(abs) ?? host.inspect?.(abs)?.realPath ?? abs;
    if (seen.has(real)) {
      errors.push(`The folder link ${rel} leads back into the chart; helm follows it until the path is too long and fails.`);
      continue;
    }
    seen.add(real);
    for (const entry of host.readDir(abs) ?? []) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory) {
        if (entry.name !== '.git' && isInside(dir, joinPath(dir, childRel))) pending.push(childRel);
      } else out.push(childRel);
    }
  }
  return out.sort();
}
