/** Offsets to line/column, both as Go prints them (0-based byte column) and as editors use (1-based UTF-16). */

export interface LineColumn {
  line: number;
  /** 1-based UTF-16 column. */
  column: number;
  /** Go's ErrorContext column: byte offset within the line. */
  goColumn: number;
}

export function lineAndColumn(text: string, pos: number): LineColumn {
  const before = text.slice(0, pos);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let k = before.indexOf('\n'); k >= 0; k = before.indexOf('\n', k + 1)) line++;
  const prefix = before.slice(lineStart);
  return { line, column: prefix.length + 1, goColumn: Buffer.byteLength(prefix, 'utf8') };
}
