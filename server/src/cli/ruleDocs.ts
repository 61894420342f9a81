// Rule descriptions for SARIF, taken from docs/rules.md (embedded in the bundle at build time).

import { RULE_CODES, RULE_DOCS_URL } from '../core/rules/severityConfig';
import { RULE_DOCS_BASE } from '../core/rules/ruleCodes';
import { CONFIG_PROBLEM_CODE } from '../core/rules/projectConfigFindings';
import type { Severity } from '../core/types';

declare const SYNCPLAN_RULE_DOCS: string | undefined;

export interface RuleDoc {
  code: string;
  severity: Severity;
  title: string;
  /** The rule's docs/rules.md section as Markdown, without its heading; empty when the rule has none. */
  markdown: string;
  url: string;
}

const RULES_MARKDOWN = typeof SYNCPLAN_RULE_DOCS === 'string' ? SYNCPLAN_RULE_DOCS : '';

export function ruleDoc(code: string): RuleDoc {
  if (code === CONFIG_PROBLEM_CODE) return CONFIG_RULE;
  const known = RULE_CODES.find((info) => info.code === code);
  return {
    code,
    severity: known?.severity ?? 'error',
    title: known?.title ?? `SyncPlan finding ${code}.`,
    markdown: sectionOf(code),
    url: RULE_DOCS_URL(code),
  };
}

// Problems with `.syncplan.yaml` itself are not a rule about manifests: they link to the configuration section.
const CONFIG_RULE: RuleDoc = {
  code: CONFIG_PROBLEM_CODE,
  severity: 'error',
  title: 'The .syncplan.yaml configuration file has an unknown key, an unknown rule code or an invalid severity.',
  markdown: 'Fix the entry in `.syncplan.yaml`; the valid entries still apply. See [Configuring severities](' + `${RULE_DOCS_BASE}#configuring-severities).`,
  url: `${RULE_DOCS_BASE}#configuring-severities`,
};

/** The text under `### code` up to the next heading of the same or a higher level. */
function sectionOf(code: string): string {
  const lines = RULES_MARKDOWN.split('\n');
  const start = lines.findIndex((line) => line.trim() === `### ${code}`);
  if (start < 0) return '';
  const end = lines.findIndex((line, i) => i > start && /^#{1,3} /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
}

/** Markdown reduced to plain text for SARIF's `text` fields: no emphasis, code ticks or link targets. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}
