// Analyse a workspace with the language server's caches, edit it, analyse again, and analyse the result fresh:
// the incremental tests compare `after` with `fresh`. Created and deleted paths are reported to the memo, as the
// file watcher does.

import { analyzeWorkspace } from '../../server/src/core/analyzeWorkspace';
import type { WorkspaceAnalysis } from '../../server/src/core/discover/appTypes';
import { AnalysisMemo } from '../../server/src/core/incremental/analysisMemo';
import { IncrementalParseCache } from '../../server/src/lsp/incrementalParseCache';
import { MemoryWorkspace } from './memoryHost';

export interface AroundEdit {
  before: WorkspaceAnalysis;
  after: WorkspaceAnalysis;
  fresh: WorkspaceAnalysis;
}

/** `files` maps absolute paths under `root` to texts; `edit` changes, adds or deletes entries. */
export function analysedAroundEdit(root: string, files: Map<string, string>, edit: (files: Map<string, string>) => void): AroundEdit {
  const host = new MemoryWorkspace(files);
  const memo = new AnalysisMemo();
  const cache = new IncrementalParseCache();
  const before = analyzeWorkspace(host, root, { memo, cache });
  const paths = new Set(files.keys());
  edit(files);
  const now = new Set(files.keys());
  memo.pathsCreatedOrDeleted([...[...now].filter((p) => !paths.has(p)), ...[...paths].filter((p) => !now.has(p))]);
  const after = analyzeWorkspace(host, root, { memo, cache });
  return { before, after, fresh: analyzeWorkspace(new MemoryWorkspace(new Map(files)), root) };
}

/** A workspace given relative to `root`, as the tests write it. */
export function workspaceFiles(root: string, workspace: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(workspace).map(([path, text]) => [`${root}/${path}`, text]));
}
