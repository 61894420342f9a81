// The workspace folders being analysed, plus one open-files-only folder per directory of files
// that lie outside every workspace folder.

import { dirnameOf } from '../core/paths';
import type { OverlaySource } from '../workspace/nodeFileHost';
import { AnalyzedFolder, type AnalyzeFunction, type PlansChangedListener } from './analyzedFolder';
import { pathToUri, uriToPath } from './uris';

export class FolderRegistry {
  private workspace: AnalyzedFolder[] = [];
  private readonly loose = new Map<string, AnalyzedFolder>();

  constructor(
    private readonly overlay: OverlaySource,
    private readonly analyze: AnalyzeFunction,
    private readonly log: (message: string) => void,
    private readonly onPlansChanged: PlansChangedListener,
  ) {}

  /** Adds a workspace folder by URI; returns it, or undefined for non-file URIs and duplicates. */
  add(uri: string): AnalyzedFolder | undefined {
    const root = uriToPath(uri);
    if (!root || this.workspace.some((f) => f.uri === uri)) return undefined;
    const folder = new AnalyzedFolder(uri, root, this.overlay, this.analyze, this.log, this.onPlansChanged);
    this.workspace.push(folder);
    return folder;
  }

  remove(uri: string): AnalyzedFolder | undefined {
    const folder = this.workspace.find((f) => f.uri === uri);
    this.workspace = this.workspace.filter((f) => f !== folder);
    return folder;
  }

  all(): AnalyzedFolder[] {
    return [...this.workspace, ...this.loose.values()];
  }

  workspaceFolders(): AnalyzedFolder[] {
    return [...this.workspace];
  }

  /** The innermost workspace folder holding `path`, else an existing loose folder of its directory. */
  existingFolderFor(path: string): AnalyzedFolder | undefined {
    let best: AnalyzedFolder | undefined;
    for (const folder of this.workspace) {
      if (folder.contains(path) && (!best || folder.root.length > best.root.length)) best = folder;
    }
    return best ?? this.loose.get(dirnameOf(path));
  }

  /** The innermost workspace folder holding `path`, or the loose folder of its directory (created on first use). */
  folderFor(path: string): AnalyzedFolder {
    const existing = this.existingFolderFor(path);
    if (existing) return existing;
    const dir = dirnameOf(path);
    const loose = new AnalyzedFolder(pathToUri(dir), dir, this.overlay, this.analyze, this.log, this.onPlansChanged, true);
    this.loose.set(dir, loose);
    return loose;
  }

  /** Folders that a change to `path` may affect (nested workspace folders all see it). */
  foldersContaining(path: string): AnalyzedFolder[] {
    return this.all().filter((f) => f.contains(path));
  }
}
