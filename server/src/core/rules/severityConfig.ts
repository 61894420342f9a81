// User severity settings: per-code overrides from editor settings or `.syncplan.yaml`. Pure functions only.

import { parse } from 'yaml';
import { closestMatch } from '../catalogue';
import type { Finding, Severity } from '../types';
import { RULE_CODES } from './ruleCodes';

/** Top-level keys of .syncplan.yaml: `repositories` is read by discovery (workspaceRepository.ts), `helm` by the Helm layer. */
const CONFIG_KEYS: readonly string[] = ['rules', 'exclude', 'repositories', 'helm'];

export { RULE_CODES, RULE_DOCS_URL } from './ruleCodes';

export type SeveritySetting = Severity | 'off';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** Rewrites each finding's severity from `overrides` (keyed by code) and drops findings whose code is `off`. */
export function applySeverities(findings: readonly Finding[], overrides: Readonly<Record<string, SeveritySetting>>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = Object.prototype.hasOwnProperty.call(overrides, f.code) ? overrides[f.code] : undefined;
    if (setting === 'off') continue;
    out.push(setting === undefined || setting === f.severity ? f : { ...f, severity: setting });
  }
  return out;
}

export interface SyncplanConfig {
  severities: Record<string, SeveritySetting>;
  /** Glob patterns relative to the workspace root, as accepted by `analyzeWorkspace`'s `exclude`. */
  exclude: string[];
  /** Problems with the file, in words for people; the valid parts still apply. */
  problems: string[];
}

/**
 * Reads a `.syncplan.yaml` file:
 *   rules: { <code>: error|warning|info|hint|off, ... }
 *   exclude: [<glob>, ...]
 */
export function parseSyncplanConfig(text: string): SyncplanConfig {
  const config: SyncplanConfig = { severities: {}, exclude: [], problems: [] };
  let root: unknown;
  try {
    root = parse(text, { version: '1.2', logLevel: 'error' });
  } catch (error) {
    config.problems.push(`.syncplan.yaml is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return config;
  }
  if (root === null || root === undefined) return config;
  if (!isRecord(root)) {
    config.problems.push('.syncplan.yaml must be a mapping with the keys "rules" and "exclude".');
    return config;
  }
  for (const key of Object.keys(root)) {
    if (!CONFIG_KEYS.includes(key)) config.problems.push(`Unknown key "${key}" in .syncplan.yaml (expected ${CONFIG_KEYS.map((k) => `"${k}"`).join(', ')}).`);
  }
  readRules(root.rules, config);
  readExclude(root.exclude, config);
  return config;
}

function readRules(rules: unknown, config: SyncplanConfig): void {
  if (rules === undefined || rules === null) return;
  if (!isRecord(rules)) {
    config.problems.push('"rules" must map rule codes to a severity, e.g. "hook/unknown-type: warning".');
    return;
  }
  const known = RULE_CODES.map((c) => c.code);
  for (const [code, value] of Object.entries(rules)) {
    if (!known.includes(code)) {
      const guess = closestMatch(code, known);
      config.problems.push(`Unknown rule code "${code}"${guess ? `; did you mean "${guess}"?` : '.'}`);
      continue;
    }
    // `off` written by a YAML 1.1 tool arrives as false.
    const setting = value === false ? 'off' : value;
    if (typeof setting === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(setting)) {
      config.severities[code] = setting as SeveritySetting;
    } else {
      config.problems.push(`The severity of "${code}" must be one of ${SEVERITY_SETTINGS.join(', ')} (found ${JSON.stringify(value)}).`);
    }
  }
}

function readExclude(exclude: unknown, config: SyncplanConfig): void {
  if (exclude === undefined || exclude === null) return;
  const items = typeof exclude === 'string' ? [exclude] : Array.isArray(exclude) ? exclude : undefined;
  if (!items) {
    config.problems.push('"exclude" must be a list of glob patterns.');
    return;
  }
  for (const item of items) {
    if (typeof item === 'string' && item.trim() !== '') config.exclude.push(item.trim());
    else config.problems.push(`Ignored exclude entry ${JSON.stringify(item)}: expected a glob pattern.`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
