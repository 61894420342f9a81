// app-of-apps/no-application-health: Argo CD has no health check for argoproj.io/Application (removed in v1.8,
// issue #3781), so a wave of child Applications counts as done as soon as they are applied and the next wave
// starts about 2 s later (semantics 4.8 and mistake 8; docs operator-manual/health.md, upgrading/1.7-1.8.md).

import { HELM_HOOK_WEIGHT, SYNC_WAVE } from '../catalogue/keys';
import { asRecord } from '../discover/readApplication';
import { isApplication } from '../model/k8sObject';
import type { PlanTask } from '../plan/planTypes';
import type { Finding } from '../types';
import { anchorOf, appLabel, finding } from './support/findings';
import { PerFileText } from './support/perFileText';
import type { Rule, RuleContext } from './ruleTypes';

const HEALTH_KEY = 'resource.customizations.health.argoproj.io_Application';

export const appOfAppsNoApplicationHealth: Rule = {
  code: 'app-of-apps/no-application-health',
  severity: 'warning',
  title: 'Child Applications in different sync waves without an Application health check: waves do not wait for children.',
  checkApp(app, context) {
    const children = app.plan.steps.flatMap((s) => s.tasks).filter((t) => isApplication(t.object) && !t.object.source.templated);
    const steps = [...new Set(children.map(stepOf))];
    if (steps.length < 2 || hasApplicationHealthCheck(context)) return [];
    // One finding per later wave, on its first Application: the wave is what starts too early.
    const findings: Finding[] = [];
    const byStep = new Map<string, PlanTask[]>();
    for (const child of children) byStep.set(stepOf(child), [...(byStep.get(stepOf(child)) ?? []), child]);
    const ordered = [...byStep.values()];
    ordered.slice(1).forEach((group, index) => {
      const previous = ordered[index];
      const message = `Argo CD starts ${stepOf(group[0])} about 2 s after ${stepOf(previous[0])} without waiting for those Applications to be healthy.`;
      const detail =
        `Argo CD has no health check for Applications, so in ${appLabel(app)} it starts ${stepOf(group[0])} (${names(group)}) ` +
        `about 2 seconds after applying ${stepOf(previous[0])} (${names(previous)}) without waiting for those to become Synced or Healthy. ` +
        `Add a health check for argoproj.io/Application (${HEALTH_KEY}) to argocd-cm if the order matters.`;
      findings.push(finding(this, waveLocation(group[0]), message, { detail }));
    });
    return findings;
  },
};

function stepOf(task: PlanTask): string {
  return `${task.phase} wave ${task.wave}`;
}

/** `Application a, b, c and 4 more` for messages. */
function names(items: (PlanTask | string)[]): string {
  const all = items.map((i) => (typeof i === 'string' ? i : i.object.name));
  const shown = all.slice(0, 3).join(', ');
  return `Application${all.length > 1 ? 's' : ''} ${shown}${all.length > 3 ? ` and ${all.length - 3} more` : ''}`;
}

function waveLocation(task: PlanTask) {
  const entry = task.object.annotations.get(task.waveSource === 'hook-weight' ? HELM_HOOK_WEIGHT : SYNC_WAVE);
  return entry && task.waveSource !== 'default' ? entry.valueLocation : anchorOf(task.object);
}

const checked = new WeakMap<object, boolean>();

/** Whether one file's text configures Application health, kept per file while its text is unchanged. */
const configuresHealth = new PerFileText(
  (text) =>
    text.includes('health.argoproj.io_Application') ||
    (text.includes('resource.customizations') && text.includes('argoproj.io/Application') && text.includes('health.lua')) ||
    (text.includes('resourceHealthChecks') && /kind:\s*Application\b/.test(text)),
);

/**
 * True when the workspace configures Application health anywhere: an argocd-cm ConfigMap key, the Argo CD Helm
 * chart's `configs.cm`, a `resource.customizations` block with a health.lua for argoproj.io/Application, or an
 * argocd-operator `resourceHealthChecks` entry. Text is searched so that values files and patches count too.
 */
function hasApplicationHealthCheck(context: RuleContext): boolean {
  const cached = checked.get(context.workspace);
  if (cached !== undefined) return cached;
  let found = context.workspace.apps.some((app) =>
    app.objects.some((o) => o.kind === 'ConfigMap' && o.name === 'argocd-cm' && HEALTH_KEY in asRecord(o.body.data)),
  );
  for (const file of context.workspace.files) {
    if (found) break;
    if (!/\.(ya?ml|json)$/i.test(file)) continue;
    found = configuresHealth.get(file, context.textOf(file) ?? '');
  }
  configuresHealth.prune(context.workspace.files);
  checked.set(context.workspace, found);
  return found;
}
