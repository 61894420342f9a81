// Answers the side panel's plans request from each folder's current analysis.

import type { FolderPlans, PlansParams, PlansResult } from '../protocol/syncPlanProtocol';
import type { AnalyzedFolder } from './analyzedFolder';

export function plansFor(folders: readonly AnalyzedFolder[], params: PlansParams | undefined): PlansResult {
  const wanted = folders.filter((f) => !params?.folderUri || f.uri === params.folderUri);
  return { folders: wanted.map(folderPlans) };
}

function folderPlans(folder: AnalyzedFolder): FolderPlans {
  const analysis = folder.current();
  const report = analysis.report;
  const findingsByFile: Record<string, number> = {};
  for (const finding of analysis.findings) findingsByFile[finding.file] = (findingsByFile[finding.file] ?? 0) + 1;
  return { folderUri: folder.uri, report, findingsByFile };
}
