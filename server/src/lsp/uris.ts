// Conversions between LSP document URIs and the absolute POSIX paths the core uses.

import { URI } from 'vscode-uri';

/** The absolute POSIX path of a `file:` URI; undefined for other schemes (untitled, git, ...). */
export function uriToPath(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const fsPath = parsed.fsPath.replace(/\\/g, '/');
    return fsPath.length > 1 ? fsPath.replace(/\/+$/, '') : fsPath;
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return URI.file(path).toString();
}
