// What the Sync Order view shows of each app, as one comparable string per app id, so the server can
// tell which plans an analysis changed.

import type { AppReport, PlanReport } from '../core/report/planReport';
import type { Finding } from '../core/types';
import { compactKey } from '../core/incremental/digest';

/** Per app: its report written out (a digest when long) and its findings counts (kept reports are written once, so compared cheaply). */
export type PlanFingerprints = Map<string, { written: string; badges: string }>;

/**
 * The id announced when the Kargo pipelines changed (a Stage, Warehouse, or an Application's authorized-stage
 * annotation), so edits that change no plan still refresh the Promotion Pipelines view. No app has this id.
 */
export const PIPELINES_ID = '#kargo-pipelines';

/** One string per app: its report (order, waves, lines, caveats) plus the findings counts of its files; one for the Kargo pipelines. */
export function planFingerprints(report: PlanReport, findings: readonly Finding[], filesOf: (appId: string) => readonly string[]): PlanFingerprints {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.file, (counts.get(finding.file) ?? 0) + 1);
  const result: PlanFingerprints = new Map();
  for (const app of report.apps) result.set(app.id, fingerprintOf(app, filesOf(app.id), counts));
  if (report.kargo?.length) result.set(PIPELINES_ID, { written: compactKey(JSON.stringify(report.kargo)), badges: '' });
  return result;
}

function fingerprintOf(app: AppReport, files: readonly string[], counts: Map<string, number>): { written: string; badges: string } {
  // A kept report is the same object, so it is written out once and compared as the same string.
  let written = writtenReports.get(app);
  if (written === undefined) writtenReports.set(app, (written = compactKey(JSON.stringify(app))));
  return { written, badges: files.map((file) => counts.get(file) ?? 0).join(',') };
}

const writtenReports = new WeakMap<AppReport, string>();

/** Ids of apps added, removed or changed between two analyses, sorted. */
export function changedApps(before: PlanFingerprints | undefined, after: PlanFingerprints): string[] {
  const changed = new Set<string>();
  for (const [id, print] of after) {
    const previous = before?.get(id);
    if (previous?.written !== print.written || previous.badges !== print.badges) changed.add(id);
  }
  for (const id of before?.keys() ?? []) if (!after.has(id)) changed.add(id);
  return [...changed].sort();
}
