// Human-readable `syncplan plan` output: applications in sync order, each child application nested under the
// step that applies its Application, then one block of notes for the whole workspace.

import type { AppReport, PlanReport, ResourceReport } from '../core/report/planReport';
import type { Style } from './ansi';

const NESTED_INDENT = '        ';

export function formatPlanText(report: PlanReport, style: Style): string {
  if (report.apps.length === 0) return style.yellow('No applications found (no Argo CD Applications, kustomizations, charts or manifests).');
  const childIds = new Set(report.apps.flatMap((app) => app.children));
  // Roots first; an app whose parent is outside the report (or in a cycle of parents) is a root too.
  const roots = report.apps.filter((app) => !childIds.has(app.id));
  const printed = new Set<string>();
  const blocks: string[] = [];
  for (const app of [...roots, ...report.apps]) {
    if (!printed.has(app.id)) blocks.push(formatApp(app, report, style, printed).join('\n'));
  }
  const notes = formatNotes(report.apps, style);
  return [...blocks, ...(notes.length > 0 ? [notes.join('\n')] : [])].join('\n\n');
}

/** The app's lines; each child app's own lines follow the resource line of the Application that defines it. */
function formatApp(app: AppReport, report: PlanReport, style: Style, printed: Set<string>): string[] {
  printed.add(app.id);
  const children = app.children.map((id) => report.apps.find((a) => a.id === id)).filter((a): a is AppReport => a !== undefined);
  const nestChildren = (resource: ResourceReport): string[] => {
    if (resource.kind !== 'Application') return [];
    const child = children.find((c) => c.definedBy?.file === resource.file && c.definedBy.line === resource.line);
    return child && !printed.has(child.id) ? formatApp(child, report, style, printed).map((line) => NESTED_INDENT + line) : [];
  };
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
        const resource = step.resources[resourceIndex];
        lines.push(...resourceLines(`      ${style.dim(marker)} `, resource, style), ...nestChildren(resource));
      });
    }
  });
  if (total === 0) lines.push(`  ${style.dim('(nothing to sync)')}`);
  section(lines, 'On failure (SyncFail, all start together)', app.syncFail, style);
  section(lines, 'Skipped (never applied)', app.skipped, style);
  section(lines, 'Dropped from the sync', app.dropped, style);
  section(lines, 'Delete hooks (run only when the Application is deleted)', app.deleteHooks, style);
  // Children not applied by a step (for example dropped ones) are still named, and printed after the parent.
  const rest = children.filter((c) => !printed.has(c.id));
  if (rest.length > 0) {
    lines.push(`  ${style.bold('Child applications:')} ${rest.map((c) => c.name).join(', ')}`);
    for (const child of rest) if (!printed.has(child.id)) lines.push(...formatApp(child, report, style, printed).map((line) => NESTED_INDENT + line));
  }
  return lines;
}

/** Every caveat once; those that hold for only some applications name them. */
function formatNotes(apps: AppReport[], style: Style): string[] {
  const appsByCaveat = new Map<string, string[]>();
  for (const app of apps) for (const caveat of new Set(app.caveats)) appsByCaveat.set(caveat, [...(appsByCaveat.get(caveat) ?? []), app.name]);
  if (appsByCaveat.size === 0) return [];
  const lines = [style.bold('Notes')];
  for (const [caveat, names] of appsByCaveat) {
    const which = names.length === apps.length ? '' : style.dim(` (${names.join(', ')})`);
    lines.push(`  - ${caveat}${which}`);
  }
  return lines;
}

function section(lines: string[], title: string, resources: ResourceReport[], style: Style): void {
  if (resources.length === 0) return;
  lines.push(`  ${style.bold(title)}`);
  for (const resource of resources) lines.push(...resourceLines('      ', resource, style));
}

/** The resource's line after `prefix`, and the reason it is left out (if any) on the next line. */
function resourceLines(prefix: string, resource: ResourceReport, style: Style): string[] {
  const name = resource.name || `${resource.generateName ?? ''}*`;
  const id = `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${name}`;
  const tags: string[] = [];
  if (resource.phase) tags.push(resource.phase);
  if (resource.hook && resource.deletePolicies) tags.push(`hook, ${resource.deletePolicies.join(',')}`);
  if (resource.movedBefore) tags.push(`moved before ${resource.movedBefore}, declared wave ${resource.declaredWave ?? resource.wave}`);
  if (resource.synthetic === 'create-namespace') tags.push('created by CreateNamespace=true');
  if (resource.fullTie) tags.push('tie: random order');
  const where = resource.file ? style.dim(` ${resource.file}:${resource.line}`) : '';
  const line = `${prefix}${style.bold(id)}${tags.length ? ` ${style.magenta(`[${tags.join('; ')}]`)}` : ''}${where}`;
  return resource.reason ? [line, `          ${style.red(resource.reason)}`] : [line];
}

function phaseLabel(phase: string, style: Style): string {
  return phase === 'PreSync' ? style.blue(phase) : phase === 'PostSync' ? style.green(phase) : style.bold(phase);
}
