// Renders a chart as `helm template . --name-template R --namespace N --include-crds` does (pkg/engine,
// pkg/action install with ClientOnly), with every object linked to its template line.

import { renderHelmTemplates, type HelmTemplateInput } from '../gotemplate';
import type { K8sObject } from '../model/k8sObject';
import { joinPath } from '../paths';
import type { FileHost, Finding } from '../types';
import { capabilitiesObject, chartObject, HelmFiles, releaseObject } from './builtinObjects';
import type { LoadedChart } from './chartLoader';
import { coalesceValues, isTable, type Values } from './coalesce';
import { resolveDependencies } from './dependencies';
import type { TemplateSource } from './outputPositions';
import { manifestsFromOutput } from './renderedManifests';
import { checkValuesSchemas } from './valuesSchema';

export interface ChartRenderInput {
  chart: LoadedChart;
  releaseName: string;
  namespace: string;
  userValues: Values;
  kubeVersion: string;
  apiVersions: string[];
  skipCrds: boolean;
  skipTests: boolean;
  /** `helm.skipSchemaValidation`: values.schema.json is not checked. */
  skipSchemaValidation?: boolean;
  /** Distinguishes renders of one chart for different Applications (object ids). */
  renderKey: string;
  /** Reads CRD files of the chart (plain manifests, not templated). */
  crdObjects: (file: string) => K8sObject[];
  host: FileHost;
}

/** A render failure at a template position, in Helm's words. */
export interface ChartRenderError {
  message: string;
  file: string;
  span: { start: number; end: number };
  unsupported: boolean;
}

export interface ChartRenderResult {
  objects: K8sObject[];
  findings: Finding[];
  errors: ChartRenderError[];
  /** Why the plan may differ from Argo CD's (absent disabled dependencies, non-deterministic functions). */
  caveats: string[];
  /** Why nothing could be rendered (absent enabled dependencies). */
  blockers: string[];
  filesRead: string[];
}

const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

export function renderChart(input: ChartRenderInput): ChartRenderResult {
  const result: ChartRenderResult = { objects: [], findings: [], errors: [], caveats: [], blockers: [], filesRead: [] };
  const deps = resolveDependencies(input.chart, input.userValues);
  if (deps.missingEnabled.length > 0) {
    const names = deps.missingEnabled.map((d) => (d.repository ? `${d.name} (${d.repository})` : d.name)).join(', ');
    result.blockers.push(`Dependencies not in charts/: ${names}. Argo CD runs \`helm dependency build\` to fetch them, which needs the network, so the chart is not rendered.`);
  }
  if (deps.missingDisabled.length > 0) {
    const names = deps.missingDisabled.map((d) => d.name).join(', ');
    result.caveats.push(`Disabled dependencies not in charts/: ${names}. \`helm template\` alone fails on them; Argo CD builds dependencies first. Rendered without them.`);
  }
  if (result.blockers.length > 0) return result;
  const chart = deps.chart;
  const values = coalesceValues(chart, input.userValues);
  if (!input.skipSchemaValidation) {
    // Helm checks the values before it renders anything; a failure means no manifests at all.
    const schemas = checkValuesSchemas(chart, values);
    result.caveats.push(...schemas.caveats);
    if (schemas.failure) {
      result.errors.push({ message: schemas.failure.message.trimEnd(), file: schemas.failure.file, span: { start: 0, end: 0 }, unsupported: false });
      return result;
    }
  }
  const templates: (HelmTemplateInput & TemplateSource)[] = [];
  const top = {
    Release: releaseObject({ name: input.releaseName, namespace: input.namespace }),
    Capabilities: capabilitiesObject({ kubeVersion: input.kubeVersion, apiVersions: input.apiVersions }),
  };
  const crdFiles: string[] = [];
  collectTemplates(input.host, chart, chart.name, values, top, true, templates, crdFiles, result.filesRead);
  const rendered = renderHelmTemplates(templates);
  const byName = new Map(templates.map((t) => [t.name, t]));
  for (const caveat of rendered.caveats) {
    const t = byName.get(caveat.position.template);
    result.caveats.push(`${caveat.func} (${t ? t.file : caveat.position.template}:${caveat.position.line}) gives a different value on every render: Argo CD shows the app OutOfSync after each refresh.`);
  }
  if (!input.skipCrds) for (const file of crdFiles) result.objects.push(...input.crdObjects(file));
  for (const r of rendered.templates) {
    const source = byName.get(r.name) as TemplateSource;
    if (r.error) {
      const t = r.error.position ? byName.get(r.error.position.template) : undefined;
      const at = t && r.error.position ? lineOffset(t.text, r.error.position.line, r.error.position.column) : 0;
      const file = t?.file ?? source.file;
      if (!result.errors.some((e) => e.message === r.error?.message)) {
        result.errors.push({ message: r.error.message, file, span: { start: at, end: lineEnd(t?.text ?? source.text, at) }, unsupported: r.error.kind === 'unsupported' });
      }
      continue;
    }
    if (r.name.endsWith('/NOTES.txt') || r.output.trim() === '') continue;
    const manifests = manifestsFromOutput(source, r.output, r.segments, input.renderKey);
    // Output that is not YAML fails the render; duplicate keys found in its debris would only add noise.
    if (manifests.yamlErrors.length === 0) result.findings.push(...manifests.findings);
    for (const e of manifests.yamlErrors) {
      result.errors.push({ message: `YAML parse error on ${r.name}: ${e.message}`, file: source.file, span: e.span, unsupported: false });
    }
    result.objects.push(...manifests.objects.filter((o) => !(input.skipTests && isTestHook(o))));
  }
  // Helm stops at its first error: report that one (with every function the engine lacks), not one per template.
  const firstFailure = result.errors.find((e) => !e.unsupported);
  result.errors = result.errors.filter((e) => e.unsupported || e === firstFailure);
  return result;
}

/** recAllTpls: each chart's templates get its own .Chart, .Files and .Values (the parent's `.Values.<name>`). */
function collectTemplates(
  host: FileHost,
  chart: LoadedChart,
  fullPath: string,
  values: Values,
  top: Record<string, unknown>,
  isRoot: boolean,
  out: (HelmTemplateInput & TemplateSource)[],
  crdFiles: string[],
  filesRead: string[],
): Record<string, unknown> {
  const files = HelmFiles.of(
    chart.files.map((rel) => {
      const path = joinPath(chart.dir, rel);
      filesRead.push(path);
      return [rel, host.readFile(path) ?? ''];
    }),
  );
  const subcharts: Record<string, unknown> = {};
  const data = { ...top, Chart: chartObject(chart, isRoot), Files: files, Values: values, Subcharts: subcharts };
  for (const sub of chart.subcharts) {
    const subValues = isTable(values[sub.name]) ? (values[sub.name] as Values) : {};
    subcharts[sub.name] = collectTemplates(host, sub, `${fullPath}/charts/${sub.name}`, subValues, top, false, out, crdFiles, filesRead);
  }
  for (const rel of chart.files) if (rel.startsWith('crds/') && MANIFEST_EXTENSION.test(rel)) crdFiles.push(joinPath(chart.dir, rel));
  for (const t of chart.templates) {
    const name = `${fullPath}/${t.rel}`;
    // A library chart contributes only its partials (engine.go isTemplateValid).
    if (chart.isLibrary && !baseName(t.rel).startsWith('_')) continue;
    const file = joinPath(chart.dir, t.rel);
    filesRead.push(file);
    out.push({ name, text: t.text, file, data, template: { Name: name, BasePath: `${fullPath}/templates` } });
  }
  return data;
}

function isTestHook(object: K8sObject): boolean {
  const hook = object.annotations.get('helm.sh/hook')?.text ?? '';
  return hook.split(',').some((h) => ['test', 'test-success', 'test-failure'].includes(h.trim()));
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function lineOffset(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(0, column - 1), text.length);
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}
