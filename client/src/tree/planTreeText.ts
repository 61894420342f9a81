// Labels, descriptions and Markdown tooltips of the "Sync Order" tree's nodes.

import type { AppReport, ResourceReport, StepReport } from '../../../server/src/protocol/syncPlanProtocol';
import type { FindingCount } from './resourceFindings';

export function resourceName(resource: ResourceReport): string {
  return resource.name || `${resource.generateName ?? ''}*`;
}

export function resourceLabel(resource: ResourceReport): string {
  return `${resource.kind} ${resourceName(resource)}`;
}

export function stepLabel(step: StepReport): string {
  return `${step.phase} · wave ${step.wave}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Short markers after the resource's label: hook, delete policies, wave changes, findings. */
export function resourceDescription(resource: ResourceReport, findings: FindingCount): string {
  const parts: string[] = [];
  if (resource.hook) parts.push(resource.phase ? `⚓ ${resource.phase} hook` : '⚓ hook');
  if (resource.deletePolicies?.length) parts.push(resource.deletePolicies.join(', '));
  if (resource.declaredWave !== undefined && resource.declaredWave !== resource.wave) {
    parts.push(`wave ${resource.declaredWave} → ${resource.wave ?? 0}`);
  }
  if (resource.movedBefore) parts.push(`moved before ${resource.movedBefore}`);
  if (resource.synthetic === 'create-namespace') parts.push('added by CreateNamespace=true');
  if (resource.fullTie) parts.push('random order among equals');
  if (resource.reason) parts.push(resource.reason);
  if (findings.count > 0) parts.push(`⚠ ${findings.count}${findings.scope === 'file' ? ' in file' : ''}`);
  return parts.join(' · ');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);
}

export function resourceTooltip(resource: ResourceReport, findings: FindingCount): string {
  const lines = [`**${escapeMarkdown(resourceLabel(resource))}**`, ''];
  const apiGroup = resource.group || 'core';
  lines.push(`- API group: \`${apiGroup}\``);
  if (resource.namespace) lines.push(`- Namespace: \`${resource.namespace}\``);
  if (resource.wave !== undefined) lines.push(`- Wave: ${resource.wave}${resource.declaredWave !== undefined ? ` (declared ${resource.declaredWave})` : ''}`);
  if (resource.hook) lines.push(`- Hook${resource.phase ? ` in ${resource.phase}` : ''}`);
  if (resource.deletePolicies?.length) lines.push(`- Delete policies: ${resource.deletePolicies.join(', ')}`);
  if (resource.movedBefore) lines.push(`- Moved before ${escapeMarkdown(resource.movedBefore)} because it needs this`);
  if (resource.synthetic === 'create-namespace') lines.push('- Created by Argo CD itself (CreateNamespace=true)');
  if (resource.fullTie) lines.push('- Same phase, wave, kind and name as another resource: Argo CD orders them at random');
  if (resource.reason) lines.push(`- ${escapeMarkdown(resource.reason)}`);
  if (resource.file) lines.push(`- Source: \`${resource.file}:${resource.line}\``);
  if (findings.count > 0) lines.push(`- ${plural(findings.count, 'finding')} in this ${findings.scope === 'file' ? 'file' : 'resource'}`);
  return lines.join('\n');
}

export function appDescription(app: AppReport): string {
  const parts = [plural(app.steps.length, 'step'), app.source];
  if (app.path && app.path !== app.name) parts.push(app.path);
  return parts.join(' · ');
}

export function appTooltip(app: AppReport): string {
  const lines = [`**${escapeMarkdown(app.name)}**`, ''];
  lines.push(`- Source: ${app.source} at \`${app.path || '.'}\``);
  if (app.destinationNamespace) lines.push(`- Destination namespace: \`${app.destinationNamespace}\``);
  if (app.definedBy) lines.push(`- Defined by \`${app.definedBy.file}:${app.definedBy.line}\``);
  if (!app.complete) {
    lines.push('', '$(warning) **The plan may be incomplete:**');
    for (const reason of app.incompleteReasons) lines.push(`- ${escapeMarkdown(reason)}`);
  }
  if (app.caveats.length) {
    lines.push('', '**Caveats:**');
    for (const caveat of app.caveats) lines.push(`- ${escapeMarkdown(caveat)}`);
  }
  return lines.join('\n');
}
