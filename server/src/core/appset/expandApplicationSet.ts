// Expands one ApplicationSet statically: generators to parameter sets, the template rendered with each set,
// then the controller's post-processing (argo-cd applicationset/controllers/template/template.go and the
// controller's validation). Never throws: problems become findings and reasons.

import { parse } from 'yaml';
import { applyStrategicMerge } from '../kustomize/strategicMerge';
import type { K8sObject } from '../model/k8sObject';
import type { Finding } from '../types';
import { APPSET_CODES, type AppSetCodeInfo } from './appsetCodes';
import { generatedApplication, templateLocation, type TemplateSite } from './generatedApplication';
import { asRecord, GeneratorError, NotOffline, type GeneratorContext, type TransformResult } from './generatorTypes';
import { transform } from './generators';
import { isAssumedInCluster } from './clusterGenerator';
import { readMode, renderTree, replaceString, RenderFailure, type RenderIssue } from './templateRender';
import { nodeSpan } from '../model/readObjects';
import type { RollingSyncPlan } from './rollingSync';
import { nodeAt } from '../rules/support/podSpecs';

export interface AppSetExpansion {
  appset: K8sObject;
  /** False when a generator needs a live system or SyncPlan cannot evaluate it: `apps` may be partial. */
  expandable: boolean;
  /** Why not expandable, or why the controller would fail. */
  reason?: string;
  apps: K8sObject[];
  findings: Finding[];
  /** Assumptions the expansion rests on (unknown workspace repository, live clusters ...). */
  caveats: string[];
  /** The RollingSync steps, when `spec.strategy.type` is RollingSync. */
  rollingSync?: RollingSyncPlan;
}

const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

export function expandApplicationSet(appset: K8sObject, ctx: Omit<GeneratorContext, 'mode' | 'caveats' | 'partial'>): AppSetExpansion {
  const spec = asRecord(appset.body.spec) ?? {};
  const mode = readMode(spec);
  const caveats = new Set<string>();
  const partial = new Map<string, (string | number)[]>();
  const context: GeneratorContext = { ...ctx, mode, caveats, partial };
  const result: AppSetExpansion = { appset, expandable: true, apps: [], findings: [], caveats: [] };
  const expansion = expandInto(result, spec, context);
  expansion.caveats = [...caveats];
  if (partial.size > 0 && expansion.expandable) {
    // Live clusters may add Applications: the ones shown are those the workspace alone determines.
    expansion.expandable = false;
    expansion.reason = [...(expansion.reason ? [expansion.reason] : []), ...partial.keys()].join('; ');
    // One finding per place: the reasons of one generator are joined.
    const byPlace = new Map<string, { path: (string | number)[]; reasons: string[] }>();
    for (const [reason, path] of partial) {
      const place = byPlace.get(JSON.stringify(path)) ?? { path, reasons: [] };
      place.reasons.push(reason);
      byPlace.set(JSON.stringify(path), place);
    }
    for (const { path, reasons } of byPlace.values()) {
      const detail = `ApplicationSet ${appset.name} is not fully expandable offline: ${reasons.join('; ')}.`;
      expansion.findings.push(at(APPSET_CODES.notExpandable, 'Not fully expandable offline: the Applications shown are those the workspace alone determines.', appset, path, detail));
    }
  }
  return expansion;
}

function expandInto(result: AppSetExpansion, spec: Record<string, unknown>, context: GeneratorContext): AppSetExpansion {
  const { appset } = result;
  const { mode } = context;
  const fail = (info: AppSetCodeInfo, message: string, path: (string | number)[], detail?: string): AppSetExpansion => {
    result.findings.push(at(info, message, appset, path, detail));
    result.reason = detail ?? message;
    result.apps = [];
    return result;
  };

  const results: TransformResult[] = [];
  const offline: string[] = [];
  const generators = Array.isArray(spec.generators) ? spec.generators : [];
  for (let i = 0; i < generators.length; i++) {
    try {
      results.push(...transform(asRecord(generators[i]) ?? {}, ['spec', 'generators', i], context));
    } catch (e) {
      if (e instanceof NotOffline) {
        offline.push(e.message);
        result.findings.push(at(APPSET_CODES.notExpandable, 'Not expandable offline: this generator reads live state, so SyncPlan shows none of its Applications.', appset, e.path, `ApplicationSet ${appset.name} is not expandable offline: ${e.message}.`));
      } else if (e instanceof RenderFailure && e.kind === 'unsupported') {
        offline.push(`SyncPlan cannot evaluate it (${e.message})`);
      } else {
        return fail(failureCode(e), GENERATOR_FAILS, errorPath(e, ['spec', 'generators', i]), generatorMessage(appset, e));
      }
    }
  }
  if (offline.length > 0) {
    result.expandable = false;
    result.reason = offline.join('; ');
  }

  const issues = new Map<string, { issue: RenderIssue; site: TemplateSite; apps: string[] }>();
  const rendered: { object: K8sObject; site: TemplateSite }[] = [];
  for (const generated of results) {
    const site: TemplateSite = { appset, generatorTemplate: generated.template ? [...generated.path, 'template'] : undefined };
    const template = fillFrom(generated.template ?? {}, asRecord(spec.template) ?? {});
    for (const params of generated.params) {
      const appIssues: RenderIssue[] = [];
      let body: Record<string, unknown>;
      try {
        body = Object.keys(params).length === 0 ? structuredClone(template) : (renderTree(template, params, mode, [], appIssues) as Record<string, unknown>);
        if (typeof spec.templatePatch === 'string' && mode.goTemplate) body = patchTemplate(body, replaceString(spec.templatePatch, params, mode, ['templatePatch']));
      } catch (e) {
        if (isAssumedInCluster(params) && e instanceof RenderFailure && readsClusterMetadata(e)) {
          context.partial.set(IN_CLUSTER_UNKNOWN, generated.path);
          continue;
        }
        if (e instanceof RenderFailure && e.kind === 'unsupported') {
          result.expandable = false;
          result.reason = `SyncPlan cannot evaluate its template (${e.message})`;
          continue;
        }
        const path = e instanceof RenderFailure && e.path[0] !== 'templatePatch' ? templatePath(site, e.path) : ['spec', 'templatePatch'];
        return fail(failureCode(e), GENERATOR_FAILS, path, generatorMessage(appset, e));
      }
      if (appIssues.length > 0 && isAssumedInCluster(params) && appIssues.every(readsClusterMetadata)) {
        context.partial.set(IN_CLUSTER_UNKNOWN, generated.path);
        continue;
      }
      const object = generatedApplication(site, postProcess(body, appset, spec), rendered.length);
      rendered.push({ object, site });
      for (const issue of appIssues) {
        const key = `${issue.kind}:${JSON.stringify(issue.path)}`;
        const entry = issues.get(key) ?? { issue, site, apps: [] };
        entry.apps.push(object.name);
        issues.set(key, entry);
      }
    }
  }
  for (const { issue, site, apps } of issues.values()) result.findings.push(issueFinding(appset, issue, site, apps));
  return validateNames(result, rendered);
}

const IN_CLUSTER_UNKNOWN =
  'its template reads cluster Secret labels or annotations, which the in-cluster entry has only when a Secret registers the local cluster; whether one does is live state, so SyncPlan leaves out the in-cluster Application';

/** Whether a render problem comes from reading `metadata` (labels and annotations only cluster Secrets set). */
function readsClusterMetadata(problem: RenderIssue | RenderFailure): boolean {
  if (problem instanceof RenderFailure) return problem.kind !== 'unsupported' && /key "metadata"|evaluating \S*\.(labels|annotations)\b/.test(problem.message);
  if (problem.kind === 'no-value') return /\.metadata\b/.test(problem.detail);
  return problem.detail.split(', ').every((tag) => /^\{\{\s*metadata\./.test(tag));
}

/** Every generated Application gets the AppSet's namespace and, unless preserved, the resources finalizer. */
function postProcess(body: Record<string, unknown>, appset: K8sObject, spec: Record<string, unknown>): Record<string, unknown> {
  const metadata = { ...(asRecord(body.metadata) ?? {}) };
  const preserve = asRecord(spec.syncPolicy)?.preserveResourcesOnDeletion === true;
  const finalizers = Array.isArray(metadata.finalizers) ? metadata.finalizers : [];
  if (!preserve && finalizers.length === 0) metadata.finalizers = [RESOURCES_FINALIZER];
  if (appset.namespace !== undefined) metadata.namespace = appset.namespace;
  else delete metadata.namespace;
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', ...body, metadata };
}

/** The controller refuses duplicate names for the whole set, and cannot create an Application without a name. */
function validateNames(result: AppSetExpansion, rendered: { object: K8sObject; site: TemplateSite }[]): AppSetExpansion {
  const { appset } = result;
  const seen = new Map<string, number>();
  const kept: K8sObject[] = [];
  for (const { object, site } of rendered) {
    if (object.name === '') {
      const loc = templateLocation(site, ['metadata', 'name']);
      result.findings.push({ ...APPSET_BASE(APPSET_CODES.emptyName), message: `ApplicationSet ${appset.name} renders an Application with an empty name: the controller cannot create it.`, ...loc });
      continue;
    }
    seen.set(object.name, (seen.get(object.name) ?? 0) + 1);
    kept.push(object);
  }
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([name]) => name);
  if (duplicates.length > 0) {
    const site = rendered[0].site;
    const message = `ApplicationSet ${appset.name} contains applications with duplicate name: ${duplicates.join(', ')}. The controller rejects the whole ApplicationSet and creates or updates none of them.`;
    result.findings.push({ ...APPSET_BASE(APPSET_CODES.duplicateName), message, ...templateLocation(site, ['metadata', 'name']) });
    result.reason = message;
    result.apps = [];
    return result;
  }
  result.apps = kept;
  return result;
}

/** mergeGeneratorTemplate (mergo.Merge): the generator's template wins; its empty fields are filled from spec.template. */
function fillFrom(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const mine = out[key];
    if (asRecord(mine) && asRecord(value)) out[key] = fillFrom(mine as Record<string, unknown>, value as Record<string, unknown>);
    else if (isEmpty(mine)) out[key] = value;
  }
  return out;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return asRecord(value) !== undefined && Object.keys(value as object).length === 0;
}

/** `templatePatch`: the rendered text is YAML applied to the Application as a strategic merge patch. */
function patchTemplate(body: Record<string, unknown>, patchText: string): Record<string, unknown> {
  let patch: unknown;
  try {
    patch = parse(patchText, { version: '1.2', logLevel: 'error' });
  } catch (e) {
    throw new GeneratorError(`error unmarshalling templatePatch: ${(e as Error).message.split('\n')[0]}`, ['spec', 'templatePatch']);
  }
  const record = asRecord(patch);
  if (!record) return body;
  return applyStrategicMerge(body, record) ?? body;
}

function failureCode(e: unknown): AppSetCodeInfo {
  return e instanceof RenderFailure && e.kind === 'missing-key' ? APPSET_CODES.missingKey : APPSET_CODES.generatorError;
}

const GENERATOR_FAILS = 'The ApplicationSet controller fails here, so it creates and updates none of its Applications.';

function generatorMessage(appset: K8sObject, e: unknown): string {
  const detail = e instanceof Error ? e.message : String(e);
  return `ApplicationSet ${appset.name} fails: ${detail}. The controller creates and updates none of its Applications.`;
}

function errorPath(e: unknown, fallback: (string | number)[]): (string | number)[] {
  return e instanceof GeneratorError || e instanceof NotOffline || e instanceof RenderFailure ? (e.path.length > 0 ? e.path : fallback) : fallback;
}

/** A template field's path in the ApplicationSet: in the generator's template when written there. */
function templatePath(site: TemplateSite, path: (string | number)[]): (string | number)[] {
  if (site.generatorTemplate && nodeAt(site.appset.source.node, [...site.generatorTemplate, ...path])) return [...site.generatorTemplate, ...path];
  return ['spec', 'template', ...path];
}

function issueFinding(appset: K8sObject, issue: RenderIssue, site: TemplateSite, apps: string[]): Finding {
  const which = apps.length === 1 ? `Application ${apps[0] || '(no name)'}` : `${apps.length} Applications`;
  const field = issue.path.join('.');
  const info = issue.kind === 'no-value' ? APPSET_CODES.missingKey : APPSET_CODES.unresolvedPlaceholder;
  const message = issue.kind === 'no-value'
    ? 'This field renders "<no value>": the template reads a parameter the generators do not set.'
    : 'This placeholder stays literally in the Application: no generator sets a string parameter of that name.';
  const detail = issue.kind === 'no-value'
    ? `Field ${field} of ${which} renders "<no value>": the template "${issue.detail}" reads a parameter the generators do not set.`
    : `Field ${field} of ${which} keeps ${issue.detail} literally: no generator sets a string parameter of that name.`;
  return { ...APPSET_BASE(info), message, detail, ...templateLocation(site, issue.path) };
}

function at(info: AppSetCodeInfo, message: string, appset: K8sObject, path: (string | number)[], detail?: string): Finding {
  let node = undefined;
  for (let n = path.length; n >= 0 && !node; n--) node = nodeAt(appset.source.node, path.slice(0, n));
  return { ...APPSET_BASE(info), message, ...(detail ? { detail } : {}), file: appset.source.file, span: node ? nodeSpan(node) : appset.source.anchor };
}

function APPSET_BASE(info: AppSetCodeInfo): { code: string; severity: AppSetCodeInfo['severity'] } {
  return { code: info.code, severity: info.severity };
}
