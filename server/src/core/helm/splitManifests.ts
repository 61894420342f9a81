// Helm splits each template's output into manifests before it parses them (pkg/releaseutil SplitManifests,
// separator `(?:^|\s*\n)---\s*`): `---` at a line's start ends a manifest whatever follows it, so
// `---{{- if .x -}}` rendering to `---# comment` or `---apiVersion: v1` is a separator there, not YAML text.
// Each manifest is trimmed of surrounding whitespace, and empty ones are dropped. A scan, not a regex: linear on
// any output.

export interface ManifestPiece {
  /** Offset of the trimmed manifest in the output. */
  start: number;
  text: string;
}

export function splitHelmManifests(output: string): ManifestPiece[] {
  // strings.TrimSpace on the whole output first, then the separators.
  let end = output.length;
  while (end > 0 && isTrimmed(output.charCodeAt(end - 1))) end--;
  let pieceStart = 0;
  while (pieceStart < end && isTrimmed(output.charCodeAt(pieceStart))) pieceStart++;
  if (output.startsWith('---', pieceStart)) pieceStart = skipSpace(output, pieceStart + 3, end);
  const pieces: ManifestPiece[] = [];
  for (;;) {
    const at = output.indexOf('\n---', pieceStart);
    if (at < 0 || at + 4 > end) break;
    push(pieces, output, pieceStart, at);
    pieceStart = skipSpace(output, at + 4, end);
  }
  push(pieces, output, pieceStart, end);
  return pieces;
}

function push(pieces: ManifestPiece[], output: string, from: number, to: number): void {
  let start = from;
  while (start < to && isTrimmed(output.charCodeAt(start))) start++;
  let end = to;
  while (end > start && isTrimmed(output.charCodeAt(end - 1))) end--;
  if (end > start) pieces.push({ start, text: output.slice(start, end) });
}

function skipSpace(text: string, from: number, to: number): number {
  let at = from;
  while (at < to && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** RE2's `\s`: tab, newline, form feed, return, space (not vertical tab). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** What strings.TrimSpace removes (unicode.IsSpace). */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
