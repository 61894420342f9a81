// SARIF 2.1.0 output for GitHub code scanning, with rule metadata from the rule registry and docs/rules.md.

import { pathToFileURL } from 'node:url';
import type { Severity } from '../core/types';
import type { DiagnosticRecord, RecordRange } from './diagnosticRecords';
import { plainText, ruleDoc, type RuleDoc } from './ruleDocs';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

export function toSarif(records: DiagnosticRecord[], toolVersion: string, cwd = process.cwd()): object {
  const ruleIds = [...new Set(records.map((r) => r.code))].sort();
  // Paths are relative to the current directory; the base lets code scanning resolve them to repository files.
  const base = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
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
            rules: ruleIds.map((id) => sarifRule(ruleDoc(id))),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: base } },
        columnKind: 'utf16CodeUnits',
        results: records.map((r) => ({
          ruleId: r.code,
          ruleIndex: ruleIds.indexOf(r.code),
          level: LEVEL[r.severity],
          message: { text: r.message },
          ...(r.detail && { properties: { detail: r.detail } }),
          locations: [{ physicalLocation: physicalLocation(r) }],
          ...(r.related.length > 0 && {
            relatedLocations: r.related.map((related, id) => ({ id, physicalLocation: physicalLocation(related), message: { text: related.message } })),
          }),
        })),
      },
    ],
  };
}

function sarifRule(doc: RuleDoc): object {
  const help = doc.markdown || doc.title;
  return {
    id: doc.code,
    name: doc.code.replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: doc.title },
    fullDescription: { text: plainText(whatArgoCdDoes(doc) ?? doc.title) },
    help: { text: plainText(help), markdown: help },
    helpUri: doc.url,
    defaultConfiguration: { level: LEVEL[doc.severity] },
  };
}

/** The docs' "What Argo CD does." paragraph, the rule's fullest one-paragraph explanation. */
function whatArgoCdDoes(doc: RuleDoc): string | undefined {
  const paragraph = doc.markdown.split(/\n\s*\n/).find((p) => p.startsWith('**What Argo CD does.**'));
  return paragraph?.replace('**What Argo CD does.**', '').replace(/\s+/g, ' ').trim() || undefined;
}

function physicalLocation(range: RecordRange): object {
  return {
    artifactLocation: { uri: encodeURI(range.file), uriBaseId: SRCROOT },
    region: {
      startLine: range.line,
      startColumn: range.column,
      endLine: range.endLine,
      endColumn: Math.max(range.endColumn, range.endLine === range.line ? range.column + 1 : 1),
    },
  };
}
