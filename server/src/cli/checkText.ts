// Human-readable `syncplan check` output: findings grouped by file, then a summary line.

import type { Severity } from '../core/types';
import type { Style } from './ansi';
import type { DiagnosticRecord } from './diagnosticRecords';
import { plural } from './plural';

/** With `verbose`, each finding's explanation follows its line, indented. */
export function formatCheckText(records: DiagnosticRecord[], style: Style, verbose = false): string {
  const lines: string[] = [];
  let currentFile = '';
  for (const record of records) {
    if (record.file !== currentFile) {
      if (currentFile) lines.push('');
      currentFile = record.file;
      lines.push(style.bold(record.file));
    }
    const where = style.dim(`${record.line}:${record.column}`.padEnd(8));
    lines.push(`  ${where} ${severityLabel(record.severity, style)} ${record.message} ${style.dim(record.code)}`);
    if (verbose && record.detail) lines.push(...record.detail.split('\n').map((line) => `${' '.repeat(11)}${style.dim(line)}`));
  }
  if (lines.length > 0) lines.push('');
  lines.push(summary(records, style));
  return lines.join('\n');
}

function severityLabel(severity: Severity, style: Style): string {
  const padded = severity.padEnd(7);
  switch (severity) {
    case 'error':
      return style.red(padded);
    case 'warning':
      return style.yellow(padded);
    case 'info':
      return style.blue(padded);
    default:
      return style.dim(padded);
  }
}

function summary(records: DiagnosticRecord[], style: Style): string {
  const count = (s: Severity) => records.filter((r) => r.severity === s).length;
  const errors = count('error');
  const notes = count('info') + count('hint');
  const text = `${plural(errors, 'error')}, ${plural(count('warning'), 'warning')}, ${plural(notes, 'note')}`;
  return errors > 0 ? style.red(style.bold(text)) : records.length > 0 ? style.yellow(text) : style.green(`No problems found (${text}).`);
}
