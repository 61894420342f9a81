// Labels, descriptions and Markdown tooltips of the "Sync Order" tree's nodes.

import type { AppReport, ResourceReport, StepReport } from '../../../server/src/protocol/syncPlanProtocol';
import type { FindingCount } from './resourceFindings';

/** Longest reason shown after a resource's name; the tooltip keeps the whole text. */
const SHORT_REASON_CHARS = 32;

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
  if (resource.synthetic === 'create-namespace') parts.push('CreateNamespace');
  if (resource.fullTie) parts.push('random order');
  if (resource.reason) parts.push(shortReason(resource.reason));
  const counts = findingCounts(findings);
  if (counts) parts.unshift(counts);
  return parts.join(' · ');
}

/** "✕ 1 ⚠ 2": errors and warnings on this object only; empty when it has none. */
export function findingCounts(findings: FindingCount): string {
  const parts: string[] = [];
  if (findings.errors > 0) parts.push(`✕ ${findings.errors}`);
  if (findings.warnings > 0) parts.push(`⚠ ${findings.warnings}`);
  return parts.join(' ');
}

/** The reason's first clause, cut to fit a narrow sidebar. */
export function shortReason(reason: string): string {
  const clause = reason.split(/[:;(]/)[0].trim();
  return clause.length <= SHORT_REASON_CHARS ? clause : `${clause.slice(0, SHORT_REASON_CHARS - 1).trimEnd()}…`;
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
  if (findings.errors > 0) lines.push(`- ${plural(findings.errors, 'error')} on this resource`);
  if (findings.warnings > 0) lines.push(`- ${plural(findings.warnings, 'warning')} on this resource`);
  return lines.join('\n');
}

/** The name shown for an app: the folder for the workspace root, the file while the name is template text. */
export function appLabel(app: AppReport, folder: string): string {
  if (!app.name || app.name === '.' || app.name === './') return folder;
  if (app.name.includes('{{')) {
    const file = app.definedBy?.file ?? app.path;
    return file.split('/').pop() || folder;
  }
  return app.name;
}

/** Short: the single step when there is one (its resources sit right under the app), else the step count. */
export function appDescription(app: AppReport): string {
  if (app.steps.length === 1) return stepLabel(app.steps[0]);
  return plural(app.steps.length, 'step');
}

export function appTooltip(app: AppReport, caveats: readonly string[] = app.caveats): string {
  const lines = [`**Application ${escapeMarkdown(app.name)}**`, ''];
  lines.push(`- Source: ${app.source} at \`${app.path || '.'}\``);
  if (app.destinationNamespace) lines.push(`- Destination namespace: \`${app.destinationNamespace}\``);
  if (app.generatedBy) lines.push(`- Generated by ApplicationSet ${escapeMarkdown(app.generatedBy.name)} (\`${app.generatedBy.file}:${app.generatedBy.line}\`)`);
  if (app.definedBy) lines.push(`- ${app.generatedBy ? 'Template' : 'Defined by'} \`${app.definedBy.file}:${app.definedBy.line}\``);
  if (!app.complete) {
    lines.push('', '$(warning) **The plan may be incomplete:**');
    for (const reason of app.incompleteReasons) lines.push(`- ${escapeMarkdown(reason)}`);
  }
  if (caveats.length) {
    lines.push('', '**Caveats:**');
    for (const caveat of caveats) lines.push(`- ${escapeMarkdown(caveat)}`);
  }
  return lines.join('\n');
}
