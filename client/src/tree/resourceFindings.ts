// How many errors and warnings belong to one resource of the tree: each of the editor's SyncPlan diagnostics
// counts for the resource whose YAML document contains its line. Resources Argo CD adds itself
// (CreateNamespace) have no document of their own and so never count their Application file's findings.

import type { AppReport, FolderPlans, ResourceReport } from '../../../server/src/protocol/syncPlanProtocol';

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface FindingMark {
  /** 1-based line of the diagnostic's start. */
  line: number;
  severity: FindingSeverity;
}

/** The SyncPlan diagnostics the editor holds for an absolute file, if it holds any. */
export type FindingLines = (absoluteFile: string) => readonly FindingMark[] | undefined;

export interface FindingCount {
  errors: number;
  warnings: number;
}

export const NO_FINDINGS: FindingCount = { errors: 0, warnings: 0 };

function resourcesOf(app: AppReport): ResourceReport[] {
  return [...app.steps.flatMap((s) => s.resources), ...app.syncFail, ...app.skipped, ...app.dropped, ...app.deleteHooks];
}

export class ResourceFindings {
  /** Sorted start lines of the resources in each file: a document runs until the next one starts. */
  private readonly starts = new Map<string, number[]>();

  constructor(folder: FolderPlans, private readonly findingLines?: FindingLines) {
    const byFile = new Map<string, Set<number>>();
    for (const resource of folder.report.apps.flatMap(resourcesOf)) {
      if (!resource.absoluteFile || resource.line <= 0 || resource.synthetic) continue;
      const lines = byFile.get(resource.absoluteFile) ?? new Set<number>();
      lines.add(resource.line);
      byFile.set(resource.absoluteFile, lines);
    }
    for (const [file, lines] of byFile) this.starts.set(file, [...lines].sort((a, b) => a - b));
  }

  countFor(resource: ResourceReport): FindingCount {
    const file = resource.absoluteFile;
    if (!file || resource.synthetic) return NO_FINDINGS;
    const marks = this.findingLines?.(file);
    if (!marks?.length) return NO_FINDINGS;
    const starts = this.starts.get(file) ?? [resource.line];
    // Lines above the first document (comments, a broken header) belong to the first resource.
    const from = resource.line <= starts[0] ? 1 : resource.line;
    const to = starts.find((s) => s > resource.line) ?? Number.POSITIVE_INFINITY;
    const inside = marks.filter((m) => m.line >= from && m.line < to);
    return { errors: inside.filter((m) => m.severity === 'error').length, warnings: inside.filter((m) => m.severity === 'warning').length };
  }
}
