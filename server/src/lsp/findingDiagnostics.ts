// Turns core findings into LSP diagnostics: code, docs link, mapped severity, related locations.

import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/types';
import type { PositionAdapter } from './lspPositions';
import { ruleDocsUrl } from './ruleSeverities';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticContext {
  positions: PositionAdapter;
  readText: (file: string) => string | undefined;
  uriFor: (file: string) => string;
}

export function findingToDiagnostic(finding: Finding, context: DiagnosticContext): Diagnostic {
  const text = context.readText(finding.file) ?? '';
  const related: DiagnosticRelatedInformation[] = (finding.related ?? []).map((r) => ({
    location: { uri: context.uriFor(r.file), range: context.positions.range(r.file, context.readText(r.file) ?? '', r.span) },
    message: r.message,
  }));
  return {
    range: context.positions.range(finding.file, text, finding.span),
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.code,
    codeDescription: { href: ruleDocsUrl(finding.code) },
    source: 'syncplan',
    message: finding.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
  };
}
