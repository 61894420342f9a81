// Local stand-in for core/rules/severityConfig.ts until it lands in main; the server only imports from here.

import type { Finding, Severity } from '../core/types';

export type SeverityOverride = Severity | 'off';

/** Applies per-code severity overrides; `off` removes the finding. */
export function applySeverities(findings: readonly Finding[], overrides: Readonly<Record<string, SeverityOverride>>): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const override = overrides[finding.code];
    if (override === 'off') continue;
    out.push(override ? { ...finding, severity: override } : finding);
  }
  return out;
}

/** Documentation page of a finding code. */
export function ruleDocsUrl(code: string): string {
  return `https://github.com/syncplan/syncplan/blob/main/docs/rules.md#${code.replace(/[^a-z0-9-]/gi, '').toLowerCase()}`;
}

/** Severity overrides from a folder's `.syncplan.yaml`; none until the rules module defines that format. */
export function parseProjectSeverities(_text: string): Record<string, SeverityOverride> | undefined {
  return undefined;
}
