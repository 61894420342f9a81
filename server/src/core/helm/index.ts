// The Helm layer's entry point: renders an application's chart with the inputs Argo CD would pass.

import { parse as parseYaml } from 'yaml';
import type { K8sObject } from '../model/k8sObject';
import { joinPath } from '../paths';
import type { FileHost, Finding, Span } from '../types';
import { DEFAULT_KUBE_VERSION, defaultApiVersions } from './apiVersions';
import { isCompatibleRange } from '../gotemplate/sprigSemver';
import { loadChart } from './chartLoader';
import { helmBlockWithOverrides, readHelmOptions } from './helmSourceOptions';
import { renderChart } from './renderChart';
import { userValues } from './userValues';

export { crdApiVersions } from './apiVersions';
export { loadChart } from './chartLoader';

export interface HelmAppInput {
  host: FileHost;
  files: readonly string[];
  root: string;
  chartDir: string;
  /** The Application's name; undefined for a chart no Application points at. */
  applicationName?: string;
  destinationNamespace?: string;
  /** `spec.source.helm` as written, before `.argocd-source*.yaml` overrides. */
  helm?: unknown;
  refs: ReadonlyMap<string, string | undefined>;
  /** Where to report problems with the Application's helm inputs: the value file entry `index`, or the Application. */
  applicationLocation?: (valueFile?: number) => { file: string; span: Span };
  /** `group/version[/Kind]` of the workspace's CRDs, added to the default `.Capabilities.APIVersions`. */
  workspaceApiVersions: readonly string[];
  renderKey: string;
  crdObjects: (file: string) => K8sObject[];
}

export interface HelmAppResult {
  objects: K8sObject[];
  findings: Finding[];
  complete: boolean;
  incompleteReasons: string[];
  /** What may differ from Argo CD although the chart rendered (stated on the plan). */
  caveats: string[];
  files: string[];
}

/** Never throws: an unexpected failure (a hostile chart) makes the app incomplete with the reason. */
export function renderHelmApp(input: HelmAppInput): HelmAppResult {
  try {
    return renderHelmAppUnguarded(input);
  } catch (e) {
    const reason = `SyncPlan could not render this chart (${e instanceof Error ? e.message : String(e)}).`;
    return { objects: [], findings: [], complete: false, incompleteReasons: [reason], caveats: [], files: [joinPath(input.chartDir, 'Chart.yaml')] };
  }
}

function renderHelmAppUnguarded(input: HelmAppInput): HelmAppResult {
  const chart = loadChart(input.host, input.chartDir);
  const files = [joinPath(input.chartDir, 'Chart.yaml')];
  if (!chart) return { objects: [], findings: [], complete: false, incompleteReasons: ['Chart.yaml could not be read.'], caveats: [], files };
  const reasons: string[] = [];
  if (chart.errors.length > 0) {
    return { objects: [], findings: [], complete: false, incompleteReasons: chart.errors.map((e) => `Helm cannot load the chart: ${e}`), caveats: [], files };
  }
  if (chart.packed.length > 0) reasons.push(`Packed subcharts are not read: ${chart.packed.join(', ')}.`);
  const appName = input.applicationName ?? chart.name;
  const override = helmBlockWithOverrides(input.host, input.chartDir, appName, input.helm);
  files.push(...override.filesRead);
  const options = readHelmOptions(override.helm);
  const settings = projectHelmSettings(input.host, input.root);
  const namespace = options.namespace ?? input.destinationNamespace ?? 'default';
  const env = { ARGOCD_APP_NAME: appName, ARGOCD_APP_NAMESPACE: namespace };
  const values = userValues({ host: input.host, files: input.files, repoRoot: input.root, chartDir: input.chartDir, refs: input.refs, env }, options);
  files.push(...values.filesRead);
  reasons.push(...values.unresolvable);
  const findings: Finding[] = [];
  if (values.errors.length > 0) {
    for (const e of values.errors) {
      const where = input.applicationLocation?.(e.valueFile) ?? { file: joinPath(input.chartDir, 'Chart.yaml'), span: { start: 0, end: 0 } };
      findings.push(renderErrorFinding(where.file, where.span, `Error: ${e.message}`));
    }
    reasons.push(`helm template fails: ${values.errors[0].message}. Argo CD cannot generate the manifests, so nothing is synced.`);
    return { objects: [], findings, complete: false, incompleteReasons: reasons, caveats: [], files };
  }
  const releaseName = options.releaseName ?? appName;
  const kubeVersion = options.kubeVersion ?? settings.kubeVersion ?? DEFAULT_KUBE_VERSION;
  const required = typeof chart.metadata.kubeVersion === 'string' ? chart.metadata.kubeVersion.trim() : '';
  const assumedCaveats: string[] = [];
  if (required && !isCompatibleRange(required, kubeVersion)) {
    const shown = kubeVersion.startsWith('v') ? kubeVersion : `v${kubeVersion}`;
    const message = `chart requires kubeVersion: ${required} which is incompatible with Kubernetes ${shown}`;
    if (options.kubeVersion ?? settings.kubeVersion) {
      // Helm checks the top chart's range before it renders anything (action.renderResources).
      const chartYaml = joinPath(input.chartDir, 'Chart.yaml');
      const at = Math.max(0, input.host.readFile(chartYaml)?.indexOf('kubeVersion') ?? 0);
      findings.push(renderErrorFinding(chartYaml, { start: at, end: at + 'kubeVersion'.length }, message));
      reasons.push(`helm template fails (${message}): Argo CD cannot generate the manifests, so nothing is synced.`);
      return { objects: [], findings, complete: false, incompleteReasons: reasons, caveats: [], files };
    }
    assumedCaveats.push(
      `The chart requires Kubernetes ${required}, outside the ${kubeVersion} SyncPlan assumes; Argo CD uses the destination cluster's version and fails the render if it is outside the range too. Set helm.kubeVersion in .syncplan.yaml to check it.`,
    );
  }
  const rendered = renderChart({
    chart,
    releaseName,
    namespace,
    userValues: values.values,
    kubeVersion,
    apiVersions: options.apiVersions ?? settings.apiVersions ?? defaultApiVersions(input.workspaceApiVersions),
    skipCrds: options.skipCrds,
    skipTests: options.skipTests,
    skipSchemaValidation: options.skipSchemaValidation,
    renderKey: input.renderKey,
    crdObjects: input.crdObjects,
    host: input.host,
  });
  files.push(...rendered.filesRead);
  findings.push(...rendered.findings);
  reasons.push(...rendered.blockers);
  const caveats = [...assumedCaveats, ...rendered.caveats];
  if (input.applicationName === undefined) {
    caveats.push(`No Application points at this chart: rendered with its own values.yaml, release name "${releaseName}" and namespace "${namespace}".`);
  }
  for (const error of rendered.errors) {
    if (error.unsupported) reasons.push(`SyncPlan cannot render this chart: ${error.message}.`);
    else findings.push(renderErrorFinding(error.file, error.span, error.message));
  }
  const failed = rendered.errors.find((e) => !e.unsupported);
  if (failed) reasons.push(`helm template fails (${failed.message}): Argo CD cannot generate the manifests, so nothing is synced. The objects shown are those of the templates that rendered.`);
  return { objects: rendered.objects, findings, complete: reasons.length === 0, incompleteReasons: reasons, caveats, files: [...new Set(files)] };
}

function renderErrorFinding(file: string, span: Span, message: string): Finding {
  return { code: 'helm/render-error', severity: 'error', message: 'helm template fails here, so Argo CD cannot generate the manifests.', detail: `helm template fails here: ${message}`, file, span };
}

interface HelmSettings {
  kubeVersion?: string;
  apiVersions?: string[];
}

/** `.syncplan.yaml` `helm: { kubeVersion, apiVersions }` at the workspace root; a broken file gives the defaults. */
function projectHelmSettings(host: FileHost, root: string): HelmSettings {
  const text = host.readFile(joinPath(root, '.syncplan.yaml'));
  if (text === undefined) return {};
  try {
    const helm = (parseYaml(text, { logLevel: 'error' }) as { helm?: Record<string, unknown> } | null)?.helm;
    if (!helm || typeof helm !== 'object') return {};
    return {
      kubeVersion: typeof helm.kubeVersion === 'string' ? helm.kubeVersion : undefined,
      apiVersions: Array.isArray(helm.apiVersions) ? helm.apiVersions.filter((v): v is string => typeof v === 'string') : undefined,
    };
  } catch {
    return {};
  }
}
