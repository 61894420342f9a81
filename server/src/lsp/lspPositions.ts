// The one adapter between core UTF-16 offsets and LSP line/character positions.

import type { Position, Range } from 'vscode-languageserver';
import { LineIndex } from '../core/text/lineIndex';
import type { Span } from '../core/types';

/**
 * Keeps the line indexes of the two latest texts per file: diagnostics are placed in the text the analysis read
 * while requests answer in the buffer as it is now, and neither should rebuild the other's index.
 */
export class PositionAdapter {
  private readonly indexes = new Map<string, { text: string; index: LineIndex }[]>();

  private indexFor(file: string, text: string): LineIndex {
    const cached = this.indexes.get(file) ?? [];
    const hit = cached.find((c) => c.text === text);
    if (hit) return hit.index;
    const index = new LineIndex(text);
    this.indexes.set(file, [{ text, index }, ...cached.slice(0, 1)]);
    return index;
  }

  position(file: string, text: string, offset: number): Position {
    return this.indexFor(file, text).positionAt(offset);
  }

  range(file: string, text: string, span: Span): Range {
    const index = this.indexFor(file, text);
    return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
  }

  offset(file: string, text: string, position: Position): number {
    return this.indexFor(file, text).offsetAt(position);
  }

  forget(file: string): void {
    this.indexes.delete(file);
  }
}
