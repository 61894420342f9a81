// Completion under `metadata.annotations` and in an Application's `spec.syncPolicy.syncOptions`.
// Every fact about annotations comes from the catalogue.

import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver';
import { applicationSyncOptions, entriesForObject, findCatalogueEntry, syncOptionInfo, type CatalogueEntry } from '../core/catalogue';
import { SYNC_WAVE } from '../core/catalogue/keys';
import type { WorkspaceAnalysis } from '../core/discover/appTypes';
import { displayName, isApplication } from '../core/model/k8sObject';
import type { ParsedFile } from '../core/parse/parseYamlFile';
import { basenameOf, dirnameOf } from '../core/paths';
import type { Span } from '../core/types';
import { keyMarkdown, syncOptionMarkdown, valueMarkdown } from './catalogueMarkdown';
import { objectInDocument, type DocumentObject } from './documentObject';
import { appsWithFile } from './planLookup';
import { cursorContext, type CursorContext } from './yamlCursorContext';

export interface CompletionInput {
  file: string;
  text: string;
  offset: number;
  parsed: ParsedFile;
  /** The folder's analysis, brought up to date; only wave completion needs it. */
  workspace: () => WorkspaceAnalysis;
  range: (span: Span) => Range;
}

export function completeAt(input: CompletionInput): CompletionItem[] {
  const context = cursorContext(input.text, input.offset);
  if (!context) return [];
  const object = objectInDocument(input.parsed, context.document);
  if (!object) return [];
  const range = input.range(context.replace);
  const path = context.path.join('.');
  if (path === 'metadata.annotations') {
    if (context.position === 'key') return annotationKeys(context, object, range);
    if (context.position === 'value' && context.key) return annotationValues(context, object, context.key, range, input);
  }
  if (path === 'spec.syncPolicy.syncOptions' && isApplication(object) && context.position !== 'value') {
    return applicationOptions(context, object, range);
  }
  return [];
}

function annotationKeys(context: CursorContext, object: DocumentObject, range: Range): CompletionItem[] {
  return entriesForObject(object.group, object.kind)
    .filter((e) => !e.writtenByArgoCD && !e.unsupported && (!object.annotationKeys.has(e.key) || e.key === context.prefix))
    .map((entry) => ({
      label: entry.key,
      kind: CompletionItemKind.Property,
      // The summary opens the documentation; the detail says what the documentation does not lead with.
      detail: keyDetail(entry),
      documentation: { kind: 'markdown', value: keyMarkdown(entry) },
      sortText: `${entry.family === 'argocd' ? 0 : 1}${entry.key}`,
      filterText: entry.key,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: context.colonFollows ? escapeSnippet(entry.key) : keySnippet(entry) },
    }));
}

function keyDetail(entry: CatalogueEntry): string {
  return entry.unreleased ? 'unreleased: Argo CD development branch only' : `since Argo CD ${entry.since}`;
}

/** `key: "${1|a,b|}"`: the key with a quoted value placeholder (choices for enumerated values). */
function keySnippet(entry: CatalogueEntry): string {
  const key = entry.keyIsPrefix ? `${escapeSnippet(entry.key)}\${2:name}` : escapeSnippet(entry.key);
  const values = entry.values?.map((v) => v.value) ?? [];
  let value: string;
  if (entry.grammar === 'bool') value = '${1|true,false|}';
  else if (entry.grammar === 'exact-true') value = 'true';
  else if (values.length > 0 && !values.some((v) => /[,|\\$}]/.test(v))) value = `\${1|${values.join(',')}|}`;
  else value = `\${1:${escapeSnippet(entry.defaultValue ?? '')}}`;
  return `${key}: "${value}"`;
}

function annotationValues(context: CursorContext, object: DocumentObject, key: string, range: Range, input: CompletionInput): CompletionItem[] {
  const entry = findCatalogueEntry(key);
  if (!entry) return [];
  if (key === SYNC_WAVE) return waveValues(context, object, input, range);
  const quoted = (value: string): string => (context.quote || context.afterComma ? value : `"${value}"`);
  if (entry.grammar === 'bool' || entry.grammar === 'exact-true') {
    return ['true', ...(entry.grammar === 'bool' ? ['false'] : [])].map((value) => ({
      label: value,
      kind: CompletionItemKind.Value,
      detail: entry.key,
      documentation: { kind: 'markdown', value: keyMarkdown(entry) },
      filterText: value,
      textEdit: { range, newText: quoted(value) },
    }));
  }
  const placement = isApplication(object) ? 'application' : 'resource';
  const taken = new Set(entry.grammar === 'csv-enum' ? context.otherItems : []);
  return (entry.values ?? [])
    .filter((v) => !taken.has(v.value) && !v.unsupported && (!v.placement || v.placement === placement))
    .map((value, index) => ({
      label: value.value,
      kind: CompletionItemKind.EnumMember,
      detail: value.since && value.since !== entry.since ? `${entry.key} · since ${value.since}` : entry.key,
      documentation: { kind: 'markdown', value: valueMarkdown(entry, value) },
      sortText: String(index).padStart(3, '0'),
      filterText: value.value,
      textEdit: { range, newText: quoted(value.value) },
    }));
}

/** The waves other objects of the same application(s) already use, with what sits in each. */
function waveValues(context: CursorContext, object: DocumentObject, input: CompletionInput, range: Range): CompletionItem[] {
  const byWave = new Map<number, string[]>();
  const workspace = input.workspace();
  let apps = appsWithFile(workspace, input.file);
  // A file no application renders yet (a new file a kustomization does not list): the waves of its folder's apps.
  const orphan = apps.length === 0;
  if (orphan) apps = workspace.apps.filter((app) => app.objects.some((o) => dirnameOf(o.source.file) === dirnameOf(input.file)));
  const note = orphan
    ? `\n\n_${basenameOf(input.file)} is not part of any application yet${apps.length ? `; these are the waves of ${apps.map((a) => a.name).join(', ')}, which render${apps.length === 1 ? 's' : ''} its folder` : ''}. A kustomization only deploys the files listed under \`resources\`._`
    : '';
  for (const app of apps) {
    for (const task of [...app.plan.steps.flatMap((s) => s.tasks), ...app.plan.syncFail]) {
      const source = task.object.source;
      if (task.synthetic || (source.file === input.file && source.docIndex === object.docIndex)) continue;
      const names = byWave.get(task.declaredWave) ?? [];
      const name = task.hook ? `${displayName(task.object)} (${task.phase})` : displayName(task.object);
      if (!names.includes(name)) names.push(name);
      byWave.set(task.declaredWave, names);
    }
  }
  if (byWave.size === 0) byWave.set(0, []);
  const quoted = (value: string): string => (context.quote ? value : `"${value}"`);
  return [...byWave.entries()]
    .sort(([a], [b]) => a - b)
    .map(([wave, names], index) => {
      const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
      return {
        label: String(wave),
        kind: CompletionItemKind.Value,
        detail: names.length ? `${wave}: ${shown}` : `${wave}: the default wave`,
        documentation: { kind: 'markdown', value: (names.length ? `Wave ${wave} already holds:\n\n${names.map((n) => `- ${n}`).join('\n')}` : 'No resource uses a wave yet; 0 is the default.') + note },
        sortText: String(index).padStart(4, '0'),
        filterText: String(wave),
        textEdit: { range, newText: quoted(String(wave)) },
      };
    });
}

function applicationOptions(context: CursorContext, object: DocumentObject, range: Range): CompletionItem[] {
  const taken = new Set(object.syncOptions.filter((o) => o !== context.prefix));
  const dash = context.position === 'key' ? '- ' : '';
  return applicationSyncOptions()
    .filter((o) => !taken.has(o.option) && !o.noEffect)
    .map((option, index) => ({
      label: option.option,
      kind: CompletionItemKind.EnumMember,
      detail: `Application sync option · since ${option.applicationSince ?? option.since}`,
      documentation: { kind: 'markdown', value: syncOptionMarkdown(syncOptionInfo(option.option) ?? option, 'application') },
      sortText: String(index).padStart(3, '0'),
      filterText: `${dash}${option.option}`,
      textEdit: { range, newText: `${dash}${option.option}` },
    }));
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
