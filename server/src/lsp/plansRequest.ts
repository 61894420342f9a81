// Answers the side panel's plans request from each folder's current analysis.

import type { FolderPlans, PlansParams, PlansResult } from '../protocol/syncPlanProtocol';
import type { CancellationToken } from 'vscode-languageserver';
import type { AnalyzedFolder } from './analyzedFolder';
import { checkCancelled, yieldThenCheck } from './guard';

/** Each folder may need an analysis first; before each the request yields, and it stops once cancelled. */
export async function plansFor(folders: readonly AnalyzedFolder[], params: PlansParams | undefined, token?: CancellationToken): Promise<PlansResult> {
  const wanted = folders.filter((f) => !params?.folderUri || f.uri === params.folderUri);
  const result: FolderPlans[] = [];
  for (const folder of wanted) {
    // A stale folder is analysed first (the long part): a cancellation already sent is seen before that.
    if (folder.isStale()) await yieldThenCheck(token);
    checkCancelled(token);
    result.push(folderPlans(folder));
  }
  return { folders: result };
}

function folderPlans(folder: AnalyzedFolder): FolderPlans {
  const analysis = folder.current();
  const report = analysis.report;
  const findingsByFile: Record<string, number> = {};
  for (const finding of analysis.findings) findingsByFile[finding.file] = (findingsByFile[finding.file] ?? 0) + 1;
  return { folderUri: folder.uri, report, findingsByFile };
}
