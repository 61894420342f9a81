// The server's one door to rule severities and docs links (core/rules/severityConfig.ts).

import { RULE_DOCS_BASE } from '../core/rules/ruleCodes';
import { applySeverities, parseSyncplanConfig, RULE_DOCS_URL, type SeveritySetting } from '../core/rules/severityConfig';
import { CONFIG_PROBLEM_CODE } from '../core/rules/projectConfigFindings';

export type SeverityOverride = SeveritySetting;
export { applySeverities };

/** Documentation page of a finding code. */
export function ruleDocsUrl(code: string): string {
  return code === CONFIG_PROBLEM_CODE ? `${RULE_DOCS_BASE}#configuring-severities` : RULE_DOCS_URL(code);
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
