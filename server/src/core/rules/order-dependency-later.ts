// order/dependency-later: Argo CD applies (phase, wave) steps in order and waits for each step's hooks and, in a
// multi-step sync, its resources to be healthy before the next one (semantics 4.6). A pod that needs a ConfigMap,
// Secret, ServiceAccount, PVC or PriorityClass from a later step cannot start on the first sync, so its step never
// completes (semantics mistake 5; alphagov/govuk-helm-charts PR #512; argo-cd issue #4384).

import type { AppAnalysis } from '../discover/appTypes';
import { PHASE_RANK } from '../plan/hookVocabulary';
import type { PlanTask } from '../plan/planTypes';
import type { Finding } from '../types';
import { anchorOf, appLabel, finding } from './support/findings';
import { podDependencies, providedDependency, type PodDependency } from './support/podDependencies';
import { locationAt } from './support/podSpecs';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

export const orderDependencyLater: Rule = {
  code: 'order/dependency-later',
  severity: 'error',
  title: 'A pod that runs before the ConfigMap, Secret, ServiceAccount, PVC or PriorityClass it needs is created.',
  checkApp(app) {
    // SyncFail tasks only run when a sync fails; they neither provide nor wait in the normal order.
    const tasks = app.plan.steps.flatMap((s) => s.tasks).filter((t) => !t.synthetic);
    const providers = earliestProviders(tasks);
    // One finding per consumer and dependency object: every field naming it (five env vars from one Secret)
    // becomes a related location of the first.
    const grouped = new Map<string, { task: PlanTask; provider: PlanTask; references: PodDependency[] }>();
    // Tasks are in plan order, so a hook running in several phases is judged by its earliest run.
    for (const task of tasks) {
      if (task.object.source.templated) continue;
      for (const dependency of podDependencies(task.object)) {
        const provider = lookup(providers, dependency, task);
        if (!provider || !runsBefore(task, provider)) continue;
        const key = `${task.object.id}:${dependency.kind}/${dependency.name}`;
        const group = grouped.get(key);
        if (!group) grouped.set(key, { task, provider, references: [dependency] });
        else if (group.task === task && !group.references.some((r) => r.path.join('.') === dependency.path.join('.'))) group.references.push(dependency);
      }
    }
    const findings: Finding[] = [];
    for (const { task, provider, references } of grouped.values()) findings.push(report(this, app, task, provider, references));
    return findings;
  },
};

function earliestProviders(tasks: PlanTask[]): Map<string, PlanTask[]> {
  const byName = new Map<string, PlanTask[]>();
  for (const task of tasks) {
    const provided = providedDependency(task.object);
    if (!provided) continue;
    const key = `${provided.kind}/${provided.name}`;
    byName.set(key, [...(byName.get(key) ?? []), task]);
  }
  return byName;
}

/** The earliest task creating the dependency in the consumer's namespace (cluster-scoped PriorityClasses match any). */
function lookup(providers: Map<string, PlanTask[]>, dependency: PodDependency, consumer: PlanTask): PlanTask | undefined {
  const candidates = (providers.get(`${dependency.kind}/${dependency.name}`) ?? []).filter(
    (p) => dependency.kind === 'PriorityClass' || sameNamespace(p.orderingNamespace, consumer.orderingNamespace),
  );
  return candidates.sort(compareSteps)[0];
}

/** An unknown namespace (no destination known) may be any namespace, so it matches. */
function sameNamespace(a: string, b: string): boolean {
  return a === '' || b === '' || a === b;
}

function compareSteps(a: PlanTask, b: PlanTask): number {
  return PHASE_RANK[a.phase] - PHASE_RANK[b.phase] || a.wave - b.wave;
}

function runsBefore(consumer: PlanTask, provider: PlanTask): boolean {
  return compareSteps(consumer, provider) < 0;
}

function report(rule: Rule, app: AppAnalysis, consumer: PlanTask, provider: PlanTask, references: PodDependency[]): Finding {
  const dependency = references[0];
  const via = [...new Set(references.map((r) => r.via))].join(', ');
  const consumerName = label(consumer.object);
  const providerName = label(provider.object);
  const needs = `${dependency.kind} ${dependency.name}${provider.object.kind === dependency.kind ? '' : ` (created from ${providerName})`}`;
  const laterPhase = provider.phase !== consumer.phase;
  const step = (t: PlanTask) => `${t.phase} wave ${t.wave}`;
  const stall = consumer.hook
    ? `so on the first sync its pods cannot start and Argo CD waits forever for the hook to complete`
    : `so on the first sync its pods cannot start, the step never becomes healthy and the sync stalls before ${dependency.kind} ${dependency.name} is ever applied`;
  const fixHint = laterPhase
    ? `Create ${dependency.kind} ${dependency.name} earlier (for example as a ${consumer.phase} hook in a lower wave), or run ${consumerName} later (for example as a Sync hook in a higher wave).`
    : `Give ${providerName} a lower sync-wave than ${consumerName}.`;
  const message = `Needs ${dependency.kind} ${dependency.name}, which Argo CD creates later (${step(provider)}): the first sync stalls.`;
  const detail =
    `${consumerName} runs in ${step(consumer)} of ${appLabel(app)} but needs ${needs} (${via}), which Argo CD only ` +
    `creates in ${step(provider)}, ${stall}. ${fixHint}`;
  const at = locationAt(consumer.object, dependency.path, dependency.name);
  return finding(rule, at, message, {
    severity: laterPhase ? 'error' : 'warning',
    detail,
    related: [
      { ...anchorOf(provider.object), message: `${providerName} is created in ${step(provider)}` },
      ...references.slice(1).map((r) => ({ ...locationAt(consumer.object, r.path, r.name), message: `${r.via} also needs ${dependency.kind} ${dependency.name}` })),
    ],
  });
}
