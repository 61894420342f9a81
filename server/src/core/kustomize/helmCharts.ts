// `helmCharts:` (Kustomize's HelmChartInflationGenerator) with a chart on disk, rendered by the same Helm layer as
// Argo CD's Helm sources. Remote charts (a `repo` URL and no local copy) are not resolvable offline.

import { DEFAULT_KUBE_VERSION, defaultApiVersions } from '../helm/apiVersions';
import { loadChart } from '../helm/chartLoader';
import { isTable, mergeMaps, type Values } from '../helm/coalesce';
import { renderChart } from '../helm/renderChart';
import { userValues } from '../helm/userValues';
import { readObjects } from '../model/readObjects';
import { relativePath, resolvePath } from '../paths';
import { markIncomplete, parseTracked, readTracked, report, type RenderContext } from './context';
import { asRecord } from './ids';
import { field, listField, type Entry, type Kustomization } from './kustomizationFile';
import { resourceFromObject, type Resource } from './resource';

export function inflateHelmCharts(ctx: RenderContext, k: Kustomization, resources: Resource[]): void {
  const entries = listField(k, 'helmCharts');
  if (entries.length === 0) return;
  const globals = asRecord(field(k, 'helmGlobals')?.value) ?? {};
  const chartHome = resolvePath(k.dir, typeof globals.chartHome === 'string' && globals.chartHome ? globals.chartHome : 'charts');
  for (const entry of entries) {
    try {
      inflate(ctx, k, entry, chartHome, resources);
    } catch (e) {
      markIncomplete(ctx, `helmCharts: SyncPlan could not render a chart (${e instanceof Error ? e.message : String(e)})`);
    }
  }
}

function inflate(ctx: RenderContext, k: Kustomization, entry: Entry, chartHome: string, resources: Resource[]): void {
  const spec = asRecord(entry.value) ?? {};
  const name = typeof spec.name === 'string' ? spec.name : '';
  const repo = typeof spec.repo === 'string' ? spec.repo : '';
  // A local chart is chartHome/name; a `repo` that is a folder path holds the chart too.
  const candidates = [resolvePath(chartHome, name), ...(repo && !/^[a-z]+:\/\//i.test(repo) ? [resolvePath(resolvePath(k.dir, repo), name)] : [])];
  const chartDir = candidates.find((dir) => readTracked(ctx, `${dir}/Chart.yaml`) !== undefined);
  if (!name || !chartDir) {
    const what = repo ? `chart ${name} from ${repo}` : `chart ${name}`;
    report(
      ctx,
      'kustomize/remote-resource',
      'warning',
      'This chart is not in the chart home and cannot be pulled offline; its objects are not shown.',
      entry.location,
      `helmCharts: ${what} is not in ${relativePath(k.dir, chartHome)} (the chart home) and cannot be pulled offline; its objects are not shown.`,
    );
    markIncomplete(ctx, `helmCharts ${what} is not available offline`);
    return;
  }
  const chart = loadChart(ctx.host, chartDir);
  if (!chart || chart.errors.length > 0) {
    markIncomplete(ctx, `helmCharts ${name}: ${chart?.errors.join(' ') ?? 'Chart.yaml unreadable'}`);
    return;
  }
  const values = chartValues(ctx, k, spec);
  if (!values) return;
  const options = {
    releaseName: typeof spec.releaseName === 'string' && spec.releaseName ? spec.releaseName : 'release-name',
    namespace: typeof spec.namespace === 'string' && spec.namespace ? spec.namespace : 'default',
    kubeVersion: typeof spec.kubeVersion === 'string' ? spec.kubeVersion : DEFAULT_KUBE_VERSION,
    apiVersions: Array.isArray(spec.apiVersions) ? spec.apiVersions.filter((v): v is string => typeof v === 'string') : defaultApiVersions(),
    skipCrds: spec.includeCRDs !== true,
    skipTests: spec.skipTests === true,
    renderKey: `${k.file}#helmCharts/${name}`,
  };
  // A component's charts are rendered again for every kustomization using it unless kept for the analysis.
  const rendered = ctx.builds.inflation(JSON.stringify([chartDir, options]), values, () =>
    renderChart({
      chart,
      ...options,
      userValues: values,
      crdObjects: (file) => {
        const parsed = parseTracked(ctx, file);
        return parsed ? readObjects(parsed) : [];
      },
      host: ctx.host,
    }),
  );
  for (const file of rendered.filesRead) ctx.filesRead.add(file);
  ctx.findings.push(...rendered.findings);
  for (const reason of [...rendered.blockers, ...rendered.caveats]) markIncomplete(ctx, `helmCharts ${name}: ${reason}`);
  for (const error of rendered.errors) {
    if (error.unsupported) markIncomplete(ctx, `helmCharts ${name}: SyncPlan cannot render it: ${error.message}`);
    else {
      ctx.findings.push({ code: 'helm/render-error', severity: 'error', message: 'helm template fails here, so Argo CD cannot generate the manifests.', detail: `helm template fails here: ${error.message}`, file: error.file, span: error.span });
      markIncomplete(ctx, `helmCharts ${name}: helm template fails (${error.message}), so kustomize build fails`);
    }
  }
  for (const object of rendered.objects) resources.push(resourceFromObject(object));
}

/** valuesFile (default: the chart's values.yaml) with valuesInline merged by valuesMerge, then additionalValuesFiles. */
function chartValues(ctx: RenderContext, k: Kustomization, spec: Record<string, unknown>): Values | undefined {
  const files = typeof spec.valuesFile === 'string' && spec.valuesFile ? [spec.valuesFile] : [];
  const additional = Array.isArray(spec.additionalValuesFiles) ? spec.additionalValuesFiles.filter((f): f is string => typeof f === 'string') : [];
  const read = userValues(
    { host: ctx.host, files: [], repoRoot: '/', chartDir: k.dir, refs: new Map(), env: {} },
    { valueFiles: [...files, ...additional], ignoreMissingValueFiles: false, parameters: [], fileParameters: [], skipCrds: false, skipTests: false, skipSchemaValidation: false },
  );
  for (const file of read.filesRead) ctx.filesRead.add(file);
  if (read.errors.length > 0 || read.unresolvable.length > 0) {
    markIncomplete(ctx, `helmCharts values: ${[...read.errors.map((e) => e.message), ...read.unresolvable].join('; ')}`);
    return undefined;
  }
  const inline = isTable(spec.valuesInline) ? spec.valuesInline : {};
  const merge = spec.valuesMerge;
  if (merge === 'replace') return Object.keys(inline).length > 0 ? inline : read.values;
  if (merge === 'merge') return mergeMaps(inline, read.values);
  return mergeMaps(read.values, inline);
}
