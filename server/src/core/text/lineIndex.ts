// Converts UTF-16 offsets into zero-based line and character positions (the LSP's default encoding).
// Lines are found lazily, only as far as asked, so a position near the top of a huge file costs little.

export interface LinePosition {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly lineStarts: number[] = [0];
  /** Every line start before this offset is in `lineStarts`. */
  private scanned = 0;

  private noCarriageReturn?: boolean;

  constructor(private readonly text: string) {}

  private lineFeedsOnly(): boolean {
    return (this.noCarriageReturn ??= !this.text.includes('\r'));
  }

  positionAt(offset: number): LinePosition {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // An offset between the `\r` and `\n` of a CRLF line end belongs to that line's end, before the `\r`.
    if (clamped > 0 && this.text.charCodeAt(clamped - 1) === 13 && this.text.charCodeAt(clamped) === 10) clamped--;
    this.scan(clamped, Infinity);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: LinePosition): number {
    // The start of the line after, to know where this line ends.
    this.scan(Infinity, position.line + 2);
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)];
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  /** Records line starts until the offset `until` is scanned, `lines` starts are known, or the text ends. A lone CR ends a line, as do LF and CRLF. */
  private scan(until: number, lines: number): void {
    const text = this.text;
    const starts = this.lineStarts;
    let at = this.scanned;
    const end = Math.min(text.length, until);
    // Without carriage returns, the native search finds each line end (a large file is scanned many times faster).
    if (this.lineFeedsOnly()) {
      while (at < end && starts.length < lines) {
        const next = text.indexOf('\n', at);
        if (next < 0 || next >= end) {
          at = end;
          break;
        }
        at = next + 1;
        starts.push(at);
      }
      this.scanned = Math.max(this.scanned, at);
      return;
    }
    while (at < end && starts.length < lines) {
      const ch = text.charCodeAt(at++);
      if (ch === 10) starts.push(at);
      else if (ch === 13 && text.charCodeAt(at) !== 10) starts.push(at);
    }
    this.scanned = Math.max(this.scanned, at);
  }
}
