// "Ignore CODE for this line", "Ignore CODE in this file" and "Show documentation for CODE" on every diagnostic.
// The ignore actions write the suppression comments the core reads (core/suppress/directives.ts).

import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { isScalar, parseAllDocuments, visit } from 'yaml';
import type { Finding, Span } from '../core/types';
import { UNUSED_SUPPRESSION } from '../core/suppress/applySuppressions';
import type { DiagnosticContext } from './findingDiagnostics';
import { ruleDocsUrl } from './ruleSeverities';

export interface SuppressTarget {
  finding: Finding;
  diagnostic: Diagnostic;
}

export function suppressActions(text: string, targets: readonly SuppressTarget[], context: DiagnosticContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const { finding, diagnostic } of targets) {
    if (finding.code === UNUSED_SUPPRESSION || seen.has(`${finding.code}:${diagnostic.range.start.line}`)) continue;
    seen.add(`${finding.code}:${diagnostic.range.start.line}`);
    const uri = context.uriFor(finding.file);
    const edit = (span: Span, newText: string) => ({ changes: { [uri]: [{ range: context.positions.range(finding.file, text, span), newText }] } });
    // A comment line inside a block scalar would become part of its text, so only the file directive is offered there.
    if (!inBlockScalar(text, finding.span.start)) {
      const line = nextLineDirective(text, finding.span.start, finding.code);
      actions.push({ title: `Ignore ${finding.code} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(line.span, line.newText) });
    }
    actions.push({ title: `Ignore ${finding.code} in this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit({ start: 0, end: 0 }, `# syncplan-disable-file ${finding.code}\n`) });
    const title = `Show documentation for ${finding.code}`;
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: 'vscode.open', arguments: [ruleDocsUrl(finding.code)] } });
  }
  return actions;
}

/** Adds the code to a disable-next-line comment right above the finding's line, or inserts one with its indentation. */
function nextLineDirective(text: string, offset: number, code: string): { span: Span; newText: string } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const previousStart = lineStart === 0 ? -1 : text.lastIndexOf('\n', lineStart - 2) + 1;
  const previous = previousStart < 0 ? '' : text.slice(previousStart, lineStart - 1).replace(/\r$/, '');
  if (/^\s*#\s*syncplan-disable-next-line\s+\S/.test(previous) && !previous.includes(' -- ')) {
    const end = previousStart + previous.length;
    return { span: { start: end, end }, newText: `, ${code}` };
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { span: { start: lineStart, end: lineStart }, newText: `${indent}# syncplan-disable-next-line ${code}${eol}` };
}

function inBlockScalar(text: string, offset: number): boolean {
  let inside = false;
  try {
    for (const document of parseAllDocuments(text, { logLevel: 'error' })) {
      if (!('contents' in document)) continue;
      visit(document, {
        Scalar(_, node) {
          if (!isScalar(node) || !node.range) return;
          const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
          if (block && node.range[0] <= offset && offset < node.range[1]) inside = true;
        },
      });
    }
  } catch {
    return false;
  }
  return inside;
}
