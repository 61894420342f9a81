// Markdown for catalogue keys, values and sync options, shared by completion and hover.

import type { CatalogueEntry, CatalogueValue, SyncOptionInfo } from '../core/catalogue';

export function keyMarkdown(entry: CatalogueEntry): string {
  const lines = [`**${entry.key}**`, '', entry.summary];
  if (entry.details) lines.push('', entry.details);
  if (entry.scopeNote) lines.push('', `_${entry.scopeNote}_`);
  const facts: string[] = [];
  if (entry.values?.length) facts.push(`Values: ${entry.values.map((v) => `\`${v.value}\``).join(', ')}`);
  if (entry.syntax) facts.push(`Syntax: ${entry.syntax}`);
  if (entry.defaultValue !== undefined) facts.push(`Default: \`${entry.defaultValue}\``);
  if (entry.since) facts.push(`Since Argo CD ${entry.since}`);
  if (facts.length) lines.push('', facts.join(' · '));
  lines.push('', `[Documentation](${entry.docsUrl})`);
  return lines.join('\n');
}

export function valueMarkdown(entry: CatalogueEntry, value: CatalogueValue): string {
  const lines = [`**${value.value}** (${entry.key})`, '', value.summary];
  if (value.unsupported) lines.push('', '_Argo CD does not support this value._');
  if (value.helmMapsTo) lines.push('', `Argo CD reads it as \`${value.helmMapsTo}\`.`);
  if (value.since) lines.push('', `Since Argo CD ${value.since}`);
  lines.push('', `[Documentation](${value.docsUrl ?? entry.docsUrl})`);
  return lines.join('\n');
}

export function syncOptionMarkdown(option: SyncOptionInfo, where: 'resource' | 'application'): string {
  const lines = [`**${option.option}** (${where === 'resource' ? 'resource sync option' : 'Application sync option'})`, '', option.summary];
  if (option.details) lines.push('', option.details);
  if (option.noEffect) lines.push('', '_Argo CD accepts this option but it has no effect._');
  if (option.readFrom === 'live') lines.push('', '_Read from the object in the cluster, not from Git._');
  const since = where === 'resource' ? option.resourceSince ?? option.since : option.applicationSince ?? option.since;
  if (since) lines.push('', `Since Argo CD ${since}`);
  if (option.docsUrl) lines.push('', `[Documentation](${option.docsUrl})`);
  return lines.join('\n');
}
