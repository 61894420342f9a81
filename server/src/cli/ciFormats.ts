// `--format github` (workflow command annotations) and `--format markdown` (for a pull-request comment).

import type { PlanReport } from '../core/report/planReport';
import type { Severity } from '../core/types';
import { plainStyle } from './ansi';
import type { DiagnosticRecord } from './diagnosticRecords';
import { formatPlanText } from './planText';
import { plural } from './plural';

const GITHUB_COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** One `::error file=...::message` line per finding; GitHub Actions shows them on the pull request's diff. */
export function formatGithub(records: DiagnosticRecord[]): string {
  return records
    .map((r) => {
      const properties = [
        `file=${escapeProperty(r.file)}`,
        `line=${r.line}`,
        `col=${r.column}`,
        `endLine=${r.endLine}`,
        `endColumn=${r.endColumn}`,
        `title=${escapeProperty(`SyncPlan ${r.code}`)}`,
      ];
      return `::${GITHUB_COMMAND[r.severity]} ${properties.join(',')}::${escapeData(r.message)}`;
    })
    .join('\n');
}

// Escaping as in @actions/core's command.ts.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatCheckMarkdown(records: DiagnosticRecord[]): string {
  const lines = ['### SyncPlan check', '', summary(records)];
  if (records.length === 0) return lines.join('\n');
  lines.push('', '| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |');
  for (const r of records) lines.push(`| ${r.severity} | \`${cell(r.file)}:${r.line}:${r.column}\` | \`${cell(r.code)}\` | ${cell(r.message)} |`);
  return lines.join('\n');
}

export function formatPlanMarkdown(report: PlanReport): string {
  const apps = plural(report.apps.length, 'application');
  return ['### SyncPlan sync order', '', `${apps}, in the order Argo CD syncs them:`, '', '```text', formatPlanText(report, plainStyle), '```'].join('\n');
}

function summary(records: DiagnosticRecord[]): string {
  if (records.length === 0) return 'No problems found.';
  const count = (...severities: Severity[]) => records.filter((r) => severities.includes(r.severity)).length;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info', 'hint'), 'note')}.`;
}

/** Table cells: one line, no column separators. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
