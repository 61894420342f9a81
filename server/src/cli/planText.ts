// Human-readable `syncplan plan` output: each application, its steps in run order, and what is left out.

import type { AppReport, PlanReport, ResourceReport } from '../core/report/planReport';
import type { Style } from './ansi';

export function formatPlanText(report: PlanReport, style: Style): string {
  if (report.apps.length === 0) return style.yellow('No applications found (no Argo CD Applications, kustomizations, charts or manifests).');
  return report.apps.map((app) => formatApp(app, report, style)).join('\n\n');
}

function formatApp(app: AppReport, report: PlanReport, style: Style): string {
  const lines: string[] = [];
  const origin = app.definedBy ? `defined by ${app.definedBy.file}:${app.definedBy.line}` : 'no Application points here';
  lines.push(`${style.bold(style.cyan(app.name))} ${style.dim(`(${app.source}, ${app.path}; ${origin})`)}`);
  if (!app.complete) for (const reason of app.incompleteReasons) lines.push(`  ${style.yellow('! incomplete:')} ${reason}`);
  const total = app.steps.length;
  app.steps.forEach((step, index) => {
    lines.push(`  ${style.bold(`${index + 1}/${total}`)} ${phaseLabel(step.phase, style)} · wave ${step.wave}`);
    for (const group of step.parallelGroups) {
      const parallel = group.length > 1;
      group.forEach((resourceIndex, i) => {
        const marker = parallel ? (i === 0 ? '┌' : i === group.length - 1 ? '└' : '│') : '·';
        lines.push(`      ${style.dim(marker)} ${resourceLine(step.resources[resourceIndex], style)}`);
      });
    }
  });
  if (total === 0) lines.push(`  ${style.dim('(nothing to sync)')}`);
  section(lines, 'On failure (SyncFail, all start together)', app.syncFail, style);
  section(lines, 'Skipped (never applied)', app.skipped, style);
  section(lines, 'Dropped from the sync', app.dropped, style);
  section(lines, 'Delete hooks (run only when the Application is deleted)', app.deleteHooks, style);
  const children = app.children.map((id) => report.apps.find((a) => a.id === id)?.name ?? id);
  if (children.length > 0) lines.push(`  ${style.bold('Child applications:')} ${children.join(', ')}`);
  for (const caveat of app.caveats) lines.push(`  ${style.dim(`note: ${caveat}`)}`);
  return lines.join('\n');
}

function section(lines: string[], title: string, resources: ResourceReport[], style: Style): void {
  if (resources.length === 0) return;
  lines.push(`  ${style.bold(title)}`);
  for (const resource of resources) lines.push(`      ${resourceLine(resource, style)}`);
}

function resourceLine(resource: ResourceReport, style: Style): string {
  const name = resource.name || `${resource.generateName ?? ''}*`;
  const id = `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${name}`;
  const tags: string[] = [];
  if (resource.phase) tags.push(resource.phase);
  if (resource.hook && resource.deletePolicies) tags.push(`hook, ${resource.deletePolicies.join(',')}`);
  if (resource.movedBefore) tags.push(`moved before ${resource.movedBefore}, declared wave ${resource.declaredWave ?? resource.wave}`);
  if (resource.synthetic === 'create-namespace') tags.push('created by CreateNamespace=true');
  if (resource.fullTie) tags.push('tie: random order');
  const where = resource.file ? style.dim(` ${resource.file}:${resource.line}`) : '';
  const reason = resource.reason ? `\n          ${style.red(resource.reason)}` : '';
  return `${style.bold(id)}${tags.length ? ` ${style.magenta(`[${tags.join('; ')}]`)}` : ''}${where}${reason}`;
}

function phaseLabel(phase: string, style: Style): string {
  return phase === 'PreSync' ? style.blue(phase) : phase === 'PostSync' ? style.green(phase) : style.bold(phase);
}
