// Core fixes may overlap; the LSP form of a fix must not, and must mean the same.

import assert from 'node:assert/strict';
import { mergeOverlappingEdits } from '../../server/src/lsp/mergeEdits';

const text = '0123456789';
const edit = (start: number, end: number, newText: string) => ({ file: '/f', span: { start, end }, newText });

describe('lsp: merging overlapping edits', () => {
  it('keeps separate edits separate, touching ones included', () => {
    const edits = [edit(6, 8, 'x'), edit(0, 2, 'a'), edit(2, 4, 'b')];
    assert.deepEqual(mergeOverlappingEdits(text, edits), [edit(0, 2, 'a'), edit(2, 4, 'b'), edit(6, 8, 'x')]);
  });

  it('merges a deletion with an insertion at its start, as the core applies them', () => {
    assert.deepEqual(mergeOverlappingEdits(text, [edit(2, 6, ''), edit(2, 2, 'NEW')]), [edit(2, 6, 'NEW')]);
  });

  it('turns truly overlapping ranges into one edit over their union, the later start applied first', () => {
    // "123456" -> "12B" (3..7 becomes B) -> "A" (1..5 of what is left becomes A).
    assert.deepEqual(mergeOverlappingEdits(text, [edit(1, 5, 'A'), edit(3, 7, 'B')]), [edit(1, 7, 'A')]);
  });
});
