// The server's one door to rule severities and docs links (core/rules/severityConfig.ts).

import { applySeverities, parseSyncplanConfig, RULE_DOCS_URL, type SeveritySetting } from '../core/rules/severityConfig';

export type SeverityOverride = SeveritySetting;
export { applySeverities };

/** Documentation page of a finding code. */
export function ruleDocsUrl(code: string): string {
  return RULE_DOCS_URL(code);
}

export interface ProjectConfig {
  severities: Record<string, SeverityOverride>;
  exclude: string[];
}

/** A folder's `.syncplan.yaml`; undefined when it cannot be read (a half-typed file must not stop analysis). */
export function readProjectConfig(text: string): ProjectConfig | undefined {
  try {
    const config = parseSyncplanConfig(text);
    return { severities: config.severities ?? {}, exclude: Array.isArray(config.exclude) ? config.exclude : [] };
  } catch {
    return undefined;
  }
}
