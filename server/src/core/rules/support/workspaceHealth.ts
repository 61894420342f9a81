// Health checks configured anywhere in the workspace, worked out once per analysis. Rules read them through
// `RuleContext.healthChecks()`, so their kept results depend on this answer (compared by `key`), not on every
// file and app of the workspace: an edit that changes no health check keeps them.

import type { AppAnalysis, WorkspaceAnalysis } from '../../discover/appTypes';
import { asRecord } from '../../discover/readApplication';
import { customHealthChecks, type KindPattern } from '../../health/healthChecks';
import { PerFileText } from './perFileText';

export interface WorkspaceHealth {
  /** Health customizations written in any YAML or JSON file (argocd-cm, chart values, patches). */
  custom: KindPattern[];
  /** Whether Application health is configured anywhere (see `configuresApplicationHealth`). */
  application: boolean;
  /** Stands for the answer: equal keys, equal answers. */
  key: string;
}

export const APPLICATION_HEALTH_KEY = 'resource.customizations.health.argoproj.io_Application';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** A fact of each manifest file's text: `compute` of every file's text, in file order. */
export type FileFacts = <T>(name: string, compute: (text: string) => T) => Iterable<T>;

/** Whether one file's text configures Application health. */
function configuresApplicationHealth(text: string): boolean {
  return (
    text.includes('health.argoproj.io_Application') ||
    (text.includes('resource.customizations') && text.includes('argoproj.io/Application') && text.includes('health.lua')) ||
    (text.includes('resourceHealthChecks') && /kind:\s*Application\b/.test(text))
  );
}

/**
 * The workspace's health checks. Application health counts as configured by an argocd-cm ConfigMap key, the Argo CD
 * Helm chart's `configs.cm`, a `resource.customizations` block with a health.lua for argoproj.io/Application, or
 * an argocd-operator `resourceHealthChecks` entry; text is searched so that values files and patches count too.
 * `facts` works out a fact of every manifest file's text; the analysis passes one that redoes only edited files.
 */
export function workspaceHealth(workspace: WorkspaceAnalysis, facts: FileFacts): WorkspaceHealth {
  const custom: KindPattern[] = [];
  for (const found of facts('health checks', (text) => customHealthChecks([text]))) for (const pattern of found) custom.push(pattern);
  let application = appsConfigureApplicationHealth(workspace.apps);
  if (!application) for (const configures of facts('application health', configuresApplicationHealth)) if ((application = configures)) break;
  return { custom, application, key: JSON.stringify([application, custom]) };
}

/** Whether an app renders an argocd-cm ConfigMap with an Application health key. */
function appsConfigureApplicationHealth(apps: readonly AppAnalysis[]): boolean {
  return apps.some((app) => app.objects.some((o) => o.kind === 'ConfigMap' && o.name === 'argocd-cm' && APPLICATION_HEALTH_KEY in asRecord(o.body.data)));
}

/** Facts per file kept while its text is unchanged (a text comparison per file per analysis), for runs without a memo. */
export function textFileFacts(files: readonly string[], textOf: (file: string) => string | undefined): FileFacts {
  const manifests = manifestFiles(files);
  return <T>(name: string, compute: (text: string) => T): T[] => {
    let table = perFileTables.get(name) as PerFileText<T> | undefined;
    if (!table) perFileTables.set(name, (table = new PerFileText(compute)));
    const values = manifests.map((f) => (table as PerFileText<T>).get(f, textOf(f) ?? ''));
    table.prune(files);
    return values;
  };
}

const perFileTables = new Map<string, PerFileText<unknown>>();

/** The files whose text may configure health checks. */
export function manifestFiles(files: readonly string[]): readonly string[] {
  let manifests = manifestsOf.get(files);
  if (!manifests) manifestsOf.set(files, (manifests = files.filter((f) => MANIFEST_FILE.test(f))));
  return manifests;
}

const manifestsOf = new WeakMap<readonly string[], readonly string[]>();
