// Resolves a Stage's `argocd-update` steps to the Argo CD Applications they update, inlining
// PromotionTask / ClusterPromotionTask steps and their vars, and checks the authorized-stage annotation.

import { isApplication, type K8sObject } from '../model/k8sObject';
import type { Finding } from '../types';
import { evaluateTemplate, type ExpressionEnv } from './expressions';
import { KARGO_CODES } from './kargoCodes';
import { asArray, asRecord, asString } from './kargoObjects';
import type { StageApplication } from './kargoTypes';
import { finding } from './pipeline';

export const AUTHORIZED_STAGE = 'kargo.akuity.io/authorized-stage';
/** Where `argocd-update` looks when `apps[].namespace` is omitted: the controller's Argo CD namespace. */
const DEFAULT_APP_NAMESPACE = 'argocd';

interface TaskLookup {
  tasks: ReadonlyMap<string, K8sObject>;
  clusterTasks: ReadonlyMap<string, K8sObject>;
}

interface Step {
  config: Record<string, unknown> | undefined;
  env: ExpressionEnv;
  /** The step (or the task step that inlines it) sets `retry`. */
  retry: boolean;
  /** Index of the Stage's own step, for pointing findings at it. */
  index: number;
}

/** An ApplicationSet whose Applications only exist live (pull-request or SCM generator), by its name template. */
export interface EphemeralApplications {
  appset: K8sObject;
  matches: (name: string) => boolean;
}

/** `vars` lists in order; a var's value may use ctx and the vars defined before it. */
function addVars(into: Map<string, unknown>, list: unknown, env: Omit<ExpressionEnv, 'vars'>): void {
  for (const entry of asArray(list)) {
    const variable = asRecord(entry);
    const name = asString(variable?.name);
    if (!name) continue;
    into.set(name, evaluateTemplate(variable?.value, { ...env, vars: into }));
  }
}

/** The `argocd-update` steps of a Stage with the variables each one sees (task defaults, Stage vars, step vars). */
function argocdUpdateSteps(stage: K8sObject, project: string, lookup: TaskLookup): Step[] {
  const spec = asRecord(asRecord(asRecord(stage.body.spec)?.promotionTemplate)?.spec);
  const context = { stage: stage.name, project };
  const stageVars = new Map<string, unknown>();
  addVars(stageVars, spec?.vars, context);
  const steps: Step[] = [];
  for (const [index, entry] of asArray(spec?.steps).entries()) {
    const step = asRecord(entry);
    const task = asRecord(step?.task);
    if (task) {
      const name = asString(task.name);
      const kind = asString(task.kind) ?? 'PromotionTask';
      const definition = name ? (kind === 'ClusterPromotionTask' ? lookup.clusterTasks : lookup.tasks).get(name) : undefined;
      if (!definition) continue;
      const taskSpec = asRecord(definition.body.spec);
      const vars = new Map<string, unknown>();
      addVars(vars, taskSpec?.vars, context);
      for (const [key, value] of stageVars) vars.set(key, value);
      addVars(vars, step?.vars, context);
      for (const inner of asArray(taskSpec?.steps)) {
        const innerStep = asRecord(inner);
        if (innerStep?.uses === 'argocd-update') steps.push({ config: asRecord(innerStep.config), env: { ...context, vars }, retry: hasRetry(step) || hasRetry(innerStep), index });
      }
    } else if (step?.uses === 'argocd-update') {
      const vars = new Map(stageVars);
      addVars(vars, step.vars, context);
      steps.push({ config: asRecord(step.config), env: { ...context, vars }, retry: hasRetry(step), index });
    }
  }
  return steps;
}

function hasRetry(step: Record<string, unknown> | undefined): boolean {
  const retry = asRecord(step?.retry);
  return retry !== undefined && (retry.errorThreshold !== undefined || retry.timeout !== undefined);
}

/** Why an annotation cannot be parsed (Kargo's AuthorizedStages): an entry without `:`, an empty side, or a glob. */
export function malformedEntry(value: string | undefined): string | undefined {
  for (const entry of authorizedStages(value)) {
    const colon = entry.indexOf(':');
    if (colon < 0) return `"${entry}" has no ":" between project and stage`;
    if (entry.slice(0, colon).trim() === '' || entry.slice(colon + 1).trim() === '') return `"${entry}" has an empty project or stage`;
    if (entry.includes('*')) return `"${entry}" is a glob, which Kargo no longer supports (since v1.11)`;
  }
  return undefined;
}

/** The `<project>:<stage>` entries of the annotation: comma-separated since Kargo v1.11, spaces trimmed. */
export function authorizedStages(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

export interface ResolvedApplications {
  applications: StageApplication[];
  findings: Finding[];
}

export function resolveStageApplications(stage: K8sObject, project: string, lookup: TaskLookup, applications: readonly K8sObject[], ephemeral: readonly EphemeralApplications[] = []): ResolvedApplications {
  const result: ResolvedApplications = { applications: [], findings: [] };
  const seen = new Set<string>();
  for (const step of argocdUpdateSteps(stage, project, lookup)) {
    for (const entry of asArray(step.config?.apps)) {
      const app = asRecord(entry);
      // Selector-based targets and names known only at promotion time cannot be resolved statically.
      const name = evaluateTemplate(app?.name, step.env);
      const namespace = app?.namespace === undefined ? DEFAULT_APP_NAMESPACE : evaluateTemplate(app.namespace, step.env);
      if (typeof name !== 'string' || typeof namespace !== 'string' || name === '') continue;
      if (seen.has(`${namespace}/${name}`)) continue;
      seen.add(`${namespace}/${name}`);
      // An Application written without a namespace lands in the namespace of whatever applies it, usually argocd.
      const object = applications.find((a) => isApplication(a) && a.name === name && (a.namespace ?? DEFAULT_APP_NAMESPACE) === namespace);
      const stepPath = ['spec', 'promotionTemplate', 'spec', 'steps', step.index];
      if (!object) {
        result.applications.push({ name, namespace, authorized: undefined });
        const source = ephemeral.find((e) => e.matches(name));
        if (source && !step.retry) {
          result.findings.push(finding(KARGO_CODES.ephemeralAppNoRetry,
            `Stage ${stage.name} updates Application ${name}, which ApplicationSet ${source.appset.name} creates from a pull-request or SCM generator; without retry on the step it fails when the Application does not exist yet. Set retry (for example errorThreshold and timeout).`,
            stage, stepPath));
        } else if (!source) {
          result.findings.push(finding(KARGO_CODES.appNotInWorkspace,
            `Stage ${stage.name} updates Application ${namespace}/${name}, which this workspace neither declares nor generates: it may be created elsewhere; its authorized-stage annotation is not checked.`,
            stage, stepPath));
        }
        continue;
      }
      const wanted = `${project}:${stage.name}`;
      const annotation = object.annotations.get(AUTHORIZED_STAGE);
      const malformed = malformedEntry(annotation?.text);
      if (annotation && malformed) {
        result.applications.push({ name, namespace, authorized: false, object });
        result.findings.push(finding(KARGO_CODES.authorizedStageMalformed,
          `The ${AUTHORIZED_STAGE} annotation of Application ${name} cannot be parsed: ${malformed}. Kargo fails "unable to parse value of annotation" when Stage ${stage.name} updates it.`,
          object, ['metadata', 'annotations', AUTHORIZED_STAGE]));
        continue;
      }
      const authorized = authorizedStages(annotation?.text).includes(wanted);
      result.applications.push({ name, namespace, authorized, object });
      if (!authorized) {
        const why = annotation
          ? `its ${AUTHORIZED_STAGE} annotation "${annotation.text ?? ''}" does not list ${wanted}`
          : `it has no ${AUTHORIZED_STAGE} annotation listing ${wanted}`;
        const path = annotation ? ['metadata', 'annotations', AUTHORIZED_STAGE] : ['metadata'];
        const base = finding(KARGO_CODES.unauthorizedStage,
          `Stage ${stage.name} of Project ${project} updates Application ${name}, but ${why}: Kargo fails with "does not permit mutation".`,
          object, path);
        result.findings.push({ ...base, related: [{ file: stage.source.file, span: stage.source.anchor, message: `Stage ${stage.name} updates ${name} here` }] });
      }
    }
  }
  return result;
}
