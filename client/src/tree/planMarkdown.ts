// "Copy plan as Markdown": one table per application, in sync order, plus the resources outside the steps.

import type { AppReport, ResourceReport } from '../../../server/src/protocol/syncPlanProtocol';
import { resourceLabel } from './planTreeText';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function notes(resource: ResourceReport): string {
  const parts: string[] = [];
  if (resource.hook) parts.push('hook');
  if (resource.deletePolicies?.length) parts.push(`delete: ${resource.deletePolicies.join(', ')}`);
  if (resource.declaredWave !== undefined && resource.declaredWave !== resource.wave) parts.push(`declared wave ${resource.declaredWave}`);
  if (resource.movedBefore) parts.push(`moved before ${resource.movedBefore}`);
  if (resource.synthetic) parts.push(`added by Argo CD (${resource.synthetic})`);
  if (resource.fullTie) parts.push('random order among equals');
  return parts.join('; ');
}

function resourceList(title: string, resources: readonly ResourceReport[], extra: (r: ResourceReport) => string): string[] {
  if (resources.length === 0) return [];
  return ['', `**${title}**`, '', ...resources.map((r) => `- ${cell(resourceLabel(r))}${extra(r) ? ` (${cell(extra(r))})` : ''}`)];
}

export function appPlanMarkdown(app: AppReport): string {
  const lines = [`### ${app.name}`, '', `Source: ${app.source} at \`${app.path || '.'}\`${app.destinationNamespace ? ` · namespace \`${app.destinationNamespace}\`` : ''}`];
  if (!app.complete) lines.push('', `> ⚠ Incomplete plan: ${app.incompleteReasons.join('; ')}`);
  lines.push('', '| Step | Phase | Wave | Resource | Namespace | Source | Notes |', '| ---: | --- | ---: | --- | --- | --- | --- |');
  app.steps.forEach((step, index) => {
    for (const resource of step.resources) {
      const source = resource.file ? `${resource.file}:${resource.line}` : '';
      lines.push(`| ${index + 1}/${app.steps.length} | ${step.phase} | ${step.wave} | ${cell(resourceLabel(resource))} | ${cell(resource.namespace)} | ${cell(source)} | ${cell(notes(resource))} |`);
    }
  });
  if (app.steps.length === 0) lines.push('| – | – | – | nothing to sync | | | |');
  lines.push(...resourceList('On failure (SyncFail)', app.syncFail, (r) => `wave ${r.wave ?? 0}`));
  lines.push(...resourceList('Dropped (not synced)', app.dropped, (r) => r.reason ?? ''));
  lines.push(...resourceList('Skipped', app.skipped, () => ''));
  lines.push(...resourceList('Delete hooks', app.deleteHooks, (r) => [r.phase, ...(r.deletePolicies ?? [])].filter(Boolean).join(', ')));
  if (app.caveats.length) lines.push('', '**Caveats**', '', ...app.caveats.map((c) => `- ${cell(c)}`));
  return lines.join('\n');
}

export function plansMarkdown(apps: readonly AppReport[]): string {
  return `${apps.map(appPlanMarkdown).join('\n\n')}\n`;
}
