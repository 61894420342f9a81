// Findings as 1-based line/column records with paths relative to the PATH argument.

import { relative } from 'node:path';
import { LineIndex } from '../core/text/lineIndex';
import type { Finding, Severity } from '../core/types';
import type { RootAnalysis } from './runAnalysis';

export interface DiagnosticRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export function diagnosticRecords(roots: RootAnalysis[]): DiagnosticRecord[] {
  const records: DiagnosticRecord[] = [];
  for (const root of roots) {
    const indexes = new Map<string, LineIndex>();
    for (const finding of root.findings) records.push(toRecord(root, finding, indexes));
  }
  return records.sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code) || compare(a.message, b.message),
  );
}

function toRecord(root: RootAnalysis, finding: Finding, indexes: Map<string, LineIndex>): DiagnosticRecord {
  let index = indexes.get(finding.file);
  if (!index) {
    index = new LineIndex(root.host.readFile(finding.file) ?? '');
    indexes.set(finding.file, index);
  }
  const start = index.positionAt(finding.span.start);
  const end = index.positionAt(finding.span.end);
  return {
    file: relative(root.root, finding.file).split('\\').join('/') || '.',
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
