// Files in a chart's `templates` folder are only what Helm renders from them: Argo CD never applies them as
// written, so Applications and ApplicationSets there are followed as the chart renders them.

import { basenameOf, dirnameOf, joinPath } from '../paths';

/** The `templates` folder of every chart (a folder with Chart.yaml) among `files`. */
export function chartTemplateFolders(files: readonly string[]): Set<string> {
  return new Set(files.filter((f) => basenameOf(f) === 'Chart.yaml').map((f) => joinPath(dirnameOf(f), 'templates')));
}

/** Whether `file` lies in one of the `folders` (at any depth: Helm renders subfolders of templates too). */
export function inChartTemplates(folders: ReadonlySet<string>, file: string): boolean {
  for (let dir = dirnameOf(file); ; dir = dirnameOf(dir)) {
    if (folders.has(dir)) return true;
    if (dirnameOf(dir) === dir) return false;
  }
}
