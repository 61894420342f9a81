// RollingSync progressive syncs (argo-cd applicationset/progressivesync/progressive_sync.go): which step each
// generated Application is in, how many may sync at once, and the mistakes that can be seen statically.

import type { K8sObject } from '../model/k8sObject';
import { nodeSpan } from '../model/readObjects';
import { nodeAt } from '../rules/support/podSpecs';
import type { Finding } from '../types';
import { APPSET_CODES, type AppSetCodeInfo } from './appsetCodes';
import type { AppSetExpansion } from './expandApplicationSet';
import { templateLocation } from './generatedApplication';
import { asRecord } from './generatorTypes';

export interface RollingSyncStep {
  /** 1-based step number as the ApplicationSet status shows it. */
  step: number;
  /** `maxUpdate` as written; null when absent (every Application of the step at once). */
  maxUpdate: string | number | null;
  /** How many Applications of the step may be Pending or Progressing at once; null when unreadable. */
  maxUpdateScaled: number | null;
  apps: string[];
}

export interface RollingSyncPlan {
  steps: RollingSyncStep[];
  /** Applications no step selects: step -1, never synced by RollingSync. */
  unselected: string[];
  /** False when an argocd-cmd-params-cm in the workspace does not enable progressive syncs. */
  enabled: boolean | null;
}

const ENABLE_KEY = 'applicationsetcontroller.enable.progressive.syncs';

/** The `argocd-cmd-params-cm` settings: true/false when the workspace declares the ConfigMap, else null. */
export function progressiveSyncsEnabled(objects: readonly K8sObject[]): { enabled: boolean | null; configMap?: K8sObject } {
  const configMap = objects.find((o) => o.group === '' && o.kind === 'ConfigMap' && o.name === 'argocd-cmd-params-cm');
  if (!configMap) return { enabled: null };
  return { enabled: String(asRecord(configMap.body.data)?.[ENABLE_KEY]).trim().toLowerCase() === 'true', configMap };
}

export function planRollingSync(expansion: AppSetExpansion, settings: { enabled: boolean | null; configMap?: K8sObject }): { plan?: RollingSyncPlan; findings: Finding[] } {
  const { appset } = expansion;
  const strategy = asRecord(asRecord(appset.body.spec)?.strategy);
  if (strategy?.type !== 'RollingSync') return { findings: [] };
  const findings: Finding[] = [];
  const steps = Array.isArray(asRecord(strategy.rollingSync)?.steps) ? (asRecord(strategy.rollingSync)!.steps as unknown[]) : [];
  const stepPath = (i: number): (string | number)[] => ['spec', 'strategy', 'rollingSync', 'steps', i];
  const firstStep = new Map<string, number>();
  const several = new Map<string, number[]>();
  const planSteps: RollingSyncStep[] = steps.map((entry, i) => {
    const expressions = (Array.isArray(asRecord(entry)?.matchExpressions) ? (asRecord(entry)!.matchExpressions as unknown[]) : []).map((e) => asRecord(e) ?? {});
    expressions.forEach((e, j) => {
      if (e.operator !== 'In' && e.operator !== 'NotIn') {
        findings.push(at(APPSET_CODES.invalidOperator, `RollingSync step ${i + 1} of ApplicationSet ${appset.name} uses operator "${String(e.operator)}": only In and NotIn select Applications; this expression selects none that carry the label ${String(e.key)}.`, appset, [...stepPath(i), 'matchExpressions', j, 'operator']));
      }
    });
    const apps = expansion.apps.filter((app) => selects(expressions, labelsOf(app))).map((a) => a.name);
    for (const name of apps) {
      if (!firstStep.has(name)) firstStep.set(name, i);
      else several.set(name, [...(several.get(name) ?? [firstStep.get(name)!]), i]);
    }
    const maxUpdate = readMaxUpdate(asRecord(entry)?.maxUpdate, apps.length);
    if (maxUpdate.problem) findings.push(at(APPSET_CODES.maxUpdate, `RollingSync step ${i + 1} of ApplicationSet ${appset.name}: ${maxUpdate.problem}`, appset, [...stepPath(i), 'maxUpdate']));
    return { step: i + 1, maxUpdate: maxUpdate.written, maxUpdateScaled: maxUpdate.scaled, apps };
  });
  // Membership checks need every generated Application.
  if (expansion.expandable) {
    planSteps.forEach((step, i) => {
      if (step.apps.length === 0) findings.push(at(APPSET_CODES.emptyStep, `RollingSync step ${i + 1} of ApplicationSet ${appset.name} selects none of its generated Applications: the step passes at once.`, appset, stepPath(i)));
    });
    for (const app of expansion.apps) {
      const location = templateLocation({ appset }, ['metadata', 'labels']);
      if (!firstStep.has(app.name)) {
        findings.push({ ...base(APPSET_CODES.appInNoStep), message: `Application ${app.name} of ApplicationSet ${appset.name} is selected by no RollingSync step: it gets step -1 and RollingSync never syncs it.`, ...location });
      } else if (several.has(app.name)) {
        const list = several.get(app.name)!.map((n) => n + 1).join(', ');
        findings.push({ ...base(APPSET_CODES.appInSeveralSteps), message: `Application ${app.name} of ApplicationSet ${appset.name} is selected by RollingSync steps ${list}: only step ${several.get(app.name)![0] + 1} counts.`, ...location });
      }
    }
  }
  const automated = asRecord(asRecord(asRecord(asRecord(appset.body.spec)?.template)?.spec)?.syncPolicy)?.automated;
  if (automated !== undefined && automated !== null) {
    findings.push({ ...base(APPSET_CODES.automatedIgnored), message: `ApplicationSet ${appset.name} uses RollingSync, which turns syncPolicy.automated off on every generated Application and starts each sync itself.`, ...templateLocation({ appset }, ['spec', 'syncPolicy', 'automated']) });
  }
  if (settings.enabled === false && settings.configMap) {
    findings.push(at(APPSET_CODES.notEnabled, `ApplicationSet ${appset.name} has a RollingSync strategy, but argocd-cmd-params-cm (${settings.configMap.source.file.split('/').pop()}) does not set ${ENABLE_KEY}: "true", so the controller ignores the strategy.`, appset, ['spec', 'strategy']));
  }
  const unselected = expansion.apps.filter((a) => !firstStep.has(a.name)).map((a) => a.name);
  return { plan: { steps: planSteps, unselected, enabled: settings.enabled }, findings };
}

/** All expressions must hold; a missing label fails In and passes NotIn (and any other operator). */
function selects(expressions: Record<string, unknown>[], labels: Record<string, string>): boolean {
  return expressions.every((e) => {
    const key = String(e.key ?? '');
    if (!(key in labels)) return e.operator !== 'In';
    if (e.operator !== 'In' && e.operator !== 'NotIn') return false;
    const listed = (Array.isArray(e.values) ? e.values : []).map(String).includes(labels[key]);
    return e.operator === 'In' ? listed : !listed;
  });
}

/** intstr.GetScaledValueFromIntOrPercent(roundUp=false), at least 1 for a percentage other than "0%". */
function readMaxUpdate(value: unknown, count: number): { written: string | number | null; scaled: number | null; problem?: string } {
  if (value === undefined || value === null) return { written: null, scaled: count };
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    return { written: value, scaled: value, problem: value === 0 ? 'maxUpdate is 0: no Application of the step is synced until someone syncs it by hand.' : undefined };
  }
  const match = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  if (!match) return { written: typeof value === 'string' || typeof value === 'number' ? value : String(value), scaled: null, problem: `maxUpdate ${JSON.stringify(value)} is neither a non-negative integer nor a percentage such as "25%".` };
  const percent = Number(match[1]);
  const scaled = Math.floor((percent * count) / 100);
  if (percent === 0) return { written: value as string, scaled: 0, problem: 'maxUpdate is "0%": no Application of the step is synced until someone syncs it by hand.' };
  return { written: value as string, scaled: Math.max(1, scaled) };
}

function labelsOf(app: K8sObject): Record<string, string> {
  return Object.fromEntries(Object.entries(asRecord(asRecord(app.body.metadata)?.labels) ?? {}).map(([k, v]) => [k, String(v)]));
}

function at(info: AppSetCodeInfo, message: string, appset: K8sObject, path: (string | number)[]): Finding {
  let node = undefined;
  for (let n = path.length; n >= 0 && !node; n--) node = nodeAt(appset.source.node, path.slice(0, n));
  return { ...base(info), message, file: appset.source.file, span: node ? nodeSpan(node) : appset.source.anchor };
}

function base(info: AppSetCodeInfo): { code: string; severity: AppSetCodeInfo['severity'] } {
  return { code: info.code, severity: info.severity };
}
