// Findings as 1-based line/column records with paths relative to the current directory (as ESLint prints them).

import { relative } from 'node:path';
import { LineIndex } from '../core/text/lineIndex';
import type { Finding, Severity, SourceLocation } from '../core/types';
import type { RootAnalysis } from './runAnalysis';

export interface RecordRange {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedRecord extends RecordRange {
  message: string;
}

export interface DiagnosticRecord extends RecordRange {
  severity: Severity;
  code: string;
  message: string;
  /** The explanation behind the message, when the rule gives one. */
  detail?: string;
  /** Other places that explain the finding (the object it clashes with, the step it runs after). */
  related: RelatedRecord[];
}

export function diagnosticRecords(roots: RootAnalysis[], cwd = process.cwd()): DiagnosticRecord[] {
  const records: DiagnosticRecord[] = [];
  for (const root of roots) {
    const indexes = new Map<string, LineIndex>();
    const range = (location: SourceLocation): RecordRange => toRange(root, location, indexes, cwd);
    for (const finding of root.findings) records.push(toRecord(finding, range));
  }
  return records.sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code) || compare(a.message, b.message),
  );
}

function toRecord(finding: Finding, range: (location: SourceLocation) => RecordRange): DiagnosticRecord {
  return {
    ...range(finding),
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    ...(finding.detail ? { detail: finding.detail } : {}),
    related: (finding.related ?? []).map((related) => ({ ...range(related), message: related.message })),
  };
}

function toRange(root: RootAnalysis, location: SourceLocation, indexes: Map<string, LineIndex>, cwd: string): RecordRange {
  let index = indexes.get(location.file);
  if (!index) {
    index = new LineIndex(root.host.readFile(location.file) ?? '');
    indexes.set(location.file, index);
  }
  const start = index.positionAt(location.span.start);
  const end = index.positionAt(location.span.end);
  return {
    file: relative(cwd, location.file).split('\\').join('/') || '.',
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
