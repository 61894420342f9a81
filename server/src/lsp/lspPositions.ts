// The one adapter between core UTF-16 offsets and LSP line/character positions.

import type { Position, Range } from 'vscode-languageserver';
import { LineIndex } from '../core/text/lineIndex';
import type { Span } from '../core/types';

/** Keeps one line index per file, rebuilt when the file's text changes. */
export class PositionAdapter {
  private readonly indexes = new Map<string, { text: string; index: LineIndex }>();

  private indexFor(file: string, text: string): LineIndex {
    const cached = this.indexes.get(file);
    if (cached && cached.text === text) return cached.index;
    const index = new LineIndex(text);
    this.indexes.set(file, { text, index });
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
