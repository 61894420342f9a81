// TEMPORARY minimal version; replaced by the rules branch.
import { parse } from 'yaml';
import type { Finding, Severity } from '../types';
export type SeveritySetting = Severity | 'off';
export function applySeverities(findings: Finding[], overrides: Record<string, SeveritySetting>): Finding[] {
  return findings.flatMap((f) => { const s = overrides[f.code]; return s === 'off' ? [] : [s ? { ...f, severity: s } : f]; });
}
export function parseSyncplanConfig(text: string): { severities: Record<string, SeveritySetting>; exclude: string[]; problems: string[] } {
  const v = parse(text) as { rules?: Record<string, SeveritySetting>; exclude?: string[] } | null;
  return { severities: v?.rules ?? {}, exclude: v?.exclude ?? [], problems: [] };
}
export const RULE_DOCS_URL = (code: string) => `https://github.com/syncplan/syncplan/blob/main/docs/rules.md#${code.replace(/[^a-z0-9-]/g, '')}`;
