// SARIF 2.1.0 output, in the subset GitHub code scanning reads.

import { RULE_DOCS_URL } from '../core/rules/severityConfig';
import type { Severity } from '../core/types';
import type { DiagnosticRecord } from './diagnosticRecords';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(records: DiagnosticRecord[], toolVersion: string): object {
  const ruleIds = [...new Set(records.map((r) => r.code))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'SyncPlan',
            informationUri: 'https://github.com/syncplan/syncplan',
            version: toolVersion,
            rules: ruleIds.map((id) => ({
              id,
              name: id.replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase()),
              shortDescription: { text: `SyncPlan rule ${id}` },
              helpUri: RULE_DOCS_URL(id),
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: records.map((r) => ({
          ruleId: r.code,
          ruleIndex: ruleIds.indexOf(r.code),
          level: LEVEL[r.severity],
          message: { text: r.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(r.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: Math.max(r.endColumn, r.endLine === r.line ? r.column + 1 : 1) },
              },
            },
          ],
        })),
      },
    ],
  };
}
