/** Offsets to line/column, both as Go prints them (0-based byte column) and as editors use (1-based UTF-16). */

export interface LineColumn {
  line: number;
  /** 1-based UTF-16 column. */
  column: number;
  /** Go's ErrorContext column: byte offset within the line. */
  goColumn: number;
}

// The executor asks for positions on every write: line starts are computed once per template text.
const recent = new Map<string, number[]>();

function lineStarts(text: string): number[] {
  let starts = recent.get(text);
  if (!starts) {
    starts = [0];
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
    if (recent.size >= 64) recent.delete(recent.keys().next().value!);
    recent.set(text, starts);
  }
  return starts;
}

export function lineAndColumn(text: string, pos: number): LineColumn {
  const starts = lineStarts(text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  const prefix = text.slice(starts[lo], pos);
  return { line: lo + 1, column: prefix.length + 1, goColumn: Buffer.byteLength(prefix, 'utf8') };
}
