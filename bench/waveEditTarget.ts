// Shared by the LSP benchmarks that type into a sync-wave value (lsp-vs-yamlls.ts, memory.ts).

import { readFileSync, writeFileSync } from 'node:fs';

/** Gives `file` a wave annotation on disk; returns the position inside its value where edits go. */
export function prepareWaveEdit(file: string): { line: number; column: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const metadata = lines.findIndex((l) => l.startsWith('metadata:'));
  if (metadata < 0) throw new Error(`${file} has no metadata`);
  const value = '    argocd.argoproj.io/sync-wave: "1"';
  lines.splice(metadata + 1, 0, '  annotations:', value);
  writeFileSync(file, lines.join('\n'));
  return { line: metadata + 2, column: value.length - 1 };
}
