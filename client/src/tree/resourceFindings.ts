// How many findings belong to one resource of the tree. With the editor's diagnostic lines, each finding
// counts for the resource whose YAML document contains it; without them, the server's per-file count is
// all there is, and the tree says "in file".

import type { AppReport, FolderPlans, ResourceReport } from '../../../server/src/protocol/syncPlanProtocol';

/** 1-based lines of the SyncPlan diagnostics the editor holds for an absolute file, if it holds any. */
export type FindingLines = (absoluteFile: string) => readonly number[] | undefined;

export interface FindingCount {
  count: number;
  scope: 'resource' | 'file';
}

function resourcesOf(app: AppReport): ResourceReport[] {
  return [...app.steps.flatMap((s) => s.resources), ...app.syncFail, ...app.skipped, ...app.dropped, ...app.deleteHooks];
}

export class ResourceFindings {
  /** Sorted start lines of the resources in each file: a document runs until the next one starts. */
  private readonly starts = new Map<string, number[]>();

  constructor(private readonly folder: FolderPlans, private readonly findingLines?: FindingLines) {
    const byFile = new Map<string, Set<number>>();
    for (const resource of folder.report.apps.flatMap(resourcesOf)) {
      if (!resource.absoluteFile || resource.line <= 0) continue;
      const lines = byFile.get(resource.absoluteFile) ?? new Set<number>();
      lines.add(resource.line);
      byFile.set(resource.absoluteFile, lines);
    }
    for (const [file, lines] of byFile) this.starts.set(file, [...lines].sort((a, b) => a - b));
  }

  countFor(resource: ResourceReport): FindingCount {
    const file = resource.absoluteFile;
    if (!file) return { count: 0, scope: 'file' };
    const inFile = this.folder.findingsByFile[file] ?? 0;
    const lines = this.findingLines?.(file);
    // No diagnostics in the editor yet (or they lag behind the plans): the file's count is the honest answer.
    if (!lines || (lines.length === 0 && inFile > 0)) return { count: inFile, scope: 'file' };
    const starts = this.starts.get(file) ?? [resource.line];
    // Lines above the first document (comments, a broken header) belong to the first resource.
    const from = resource.line <= starts[0] ? 1 : resource.line;
    const to = starts.find((s) => s > resource.line) ?? Number.POSITIVE_INFINITY;
    return { count: lines.filter((line) => line >= from && line < to).length, scope: 'resource' };
  }
}
