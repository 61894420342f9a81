// The `syncplan.*` settings, read leniently: anything malformed falls back to the default.

import type { SeverityOverride } from './ruleSeverities';

export interface SyncPlanSettings {
  severity: Record<string, SeverityOverride>;
  exclude: string[];
  kustomizeEnabled: boolean;
  /** Shortest quiet time in ms after an edit before re-analysing; undefined: the server's default. */
  analysisDelay?: number;
  /** Files over this many bytes are not read (undefined: the core's 10 MB default). */
  maxFileSize?: number;
}

export const DEFAULT_SETTINGS: SyncPlanSettings = { severity: {}, exclude: [], kustomizeEnabled: true };

/** Longest accepted `syncplan.analysisDelay`, in ms. */
const MAX_ANALYSIS_DELAY = 10_000;

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

export function readSettings(raw: unknown): SyncPlanSettings {
  const section = isRecord(raw) ? raw : {};
  const severity: Record<string, SeverityOverride> = {};
  if (isRecord(section.severity)) {
    for (const [code, value] of Object.entries(section.severity)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) severity[code] = value as SeverityOverride;
    }
  }
  const exclude = Array.isArray(section.exclude) ? section.exclude.filter((g): g is string => typeof g === 'string' && g !== '') : [];
  const kustomize = isRecord(section.kustomize) ? section.kustomize.enabled : section['kustomize.enabled'];
  const delay = section.analysisDelay;
  const analysisDelay = typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? Math.min(delay, MAX_ANALYSIS_DELAY) : undefined;
  const maxFileSize = typeof section.maxFileSize === 'number' && section.maxFileSize > 0 ? section.maxFileSize : undefined;
  return { severity, exclude, kustomizeEnabled: typeof kustomize === 'boolean' ? kustomize : true, maxFileSize, ...(analysisDelay !== undefined ? { analysisDelay } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
