// Temporary workspace folders for LSP tests, removed after each test.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Workspace {
  root: string;
  path(relative: string): string;
  write(relative: string, text: string): string;
  remove(): void;
}

export function makeWorkspace(files: Record<string, string> = {}): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'syncplan-lsp-'));
  const workspace: Workspace = {
    root,
    path: (relative) => join(root, relative),
    write(relative, text) {
      const path = join(root, relative);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  for (const [relative, text] of Object.entries(files)) workspace.write(relative, text);
  return workspace;
}

/** Splits a fixture at its `$0` marker: the text without it and the marker's line/character (UTF-16). */
export function cursorIn(textWithMarker: string): { text: string; position: { line: number; character: number } } {
  const offset = textWithMarker.indexOf('$0');
  if (offset < 0) throw new Error('fixture has no $0 marker');
  const before = textWithMarker.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { text: before + textWithMarker.slice(offset + 2), position: { line, character: offset - (before.lastIndexOf('\n') + 1) } };
}
