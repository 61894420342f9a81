// Quick fixes for findings that carry fixes, and the "Add sync-wave" source action.

import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { SYNC_WAVE } from '../core/catalogue/keys';
import type { K8sObject } from '../core/model/k8sObject';
import type { Finding, Span, TextEdit } from '../core/types';
import { addSyncWaveEdit } from './addSyncWave';
import type { FolderAnalysis } from './analyzedFolder';
import { findingToDiagnostic, type DiagnosticContext } from './findingDiagnostics';
import { mergeOverlappingEdits } from './mergeEdits';
import { appsWithFile } from './planLookup';
import { proposeWave } from './proposeWave';
import { suppressActions } from './suppressActions';

export const ADD_SYNC_WAVE_KIND = `${CodeActionKind.Source}.syncplan.addSyncWave`;

export interface CodeActionInput {
  file: string;
  text: string;
  span: Span;
  only?: string[];
  /** Diagnostics the client sent with the request; their findings get fixes even outside the range. */
  diagnostics: readonly Diagnostic[];
  objects: readonly K8sObject[];
  analysis: FolderAnalysis;
  context: DiagnosticContext;
}

export function codeActionsFor(input: CodeActionInput): CodeAction[] {
  const wanted = (kind: string): boolean => !input.only || input.only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix)) actions.push(...quickFixes(input));
  if (wanted(ADD_SYNC_WAVE_KIND)) actions.push(...addSyncWaveActions(input));
  return actions;
}

function quickFixes(input: CodeActionInput): CodeAction[] {
  const overlapping = (f: Finding): boolean => f.span.start <= input.span.end && input.span.start <= f.span.end;
  const sent = (d: Diagnostic): boolean => input.diagnostics.some((c) => c.code === d.code && JSON.stringify(c.range) === JSON.stringify(d.range));
  const targets = input.analysis.findings.flatMap((finding) => {
    if (finding.file !== input.file) return [];
    const diagnostic = findingToDiagnostic(finding, input.context);
    return overlapping(finding) || sent(diagnostic) ? [{ finding, diagnostic }] : [];
  });
  const fixes = targets.flatMap(({ finding, diagnostic }) =>
    (finding.fixes ?? []).map((fix) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: fix.preferred === true,
      edit: workspaceEdit(fix.edits, input.context),
    })),
  );
  return [...fixes, ...suppressActions(input.text, targets, input.context)];
}

function addSyncWaveActions(input: CodeActionInput): CodeAction[] {
  const object = input.objects.find((o) => o.source.span.start <= input.span.start && input.span.start <= o.source.span.end);
  if (!object || object.annotations.has(SYNC_WAVE) || object.source.templated || object.source.generatedBy) return [];
  const proposal = proposeWave(object, appsWithFile(input.analysis.workspace, input.file));
  const edit = addSyncWaveEdit(input.text, object, proposal.wave);
  if (!edit) return [];
  const reason = proposal.after ? ` (after ${proposal.after.name} in wave ${proposal.after.wave})` : '';
  return [{ title: `Add sync-wave "${proposal.wave}"${reason}`, kind: ADD_SYNC_WAVE_KIND, edit: workspaceEdit([edit], input.context) }];
}

function workspaceEdit(edits: readonly TextEdit[], context: DiagnosticContext): WorkspaceEdit {
  const changes: NonNullable<WorkspaceEdit['changes']> = {};
  for (const file of new Set(edits.map((e) => e.file))) {
    const text = context.readText(file) ?? '';
    changes[context.uriFor(file)] = mergeOverlappingEdits(text, edits.filter((e) => e.file === file)).map((edit) => ({
      range: context.positions.range(file, text, edit.span),
      newText: edit.newText,
    }));
  }
  return { changes };
}
