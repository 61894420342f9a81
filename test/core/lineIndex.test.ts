// The lazy line index must answer exactly as an index of every line start would, whatever it was asked before.

import assert from 'node:assert/strict';
import { LineIndex, type LinePosition } from '../../server/src/core/text/lineIndex';

/** Reference: every line start first (LF, CRLF and a lone CR end a line), then a linear search. */
function reference(text: string, offset: number): LinePosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  let clamped = Math.max(0, Math.min(offset, text.length));
  // Between the \r and \n of a CRLF: the end of that line, before the \r.
  if (clamped > 0 && text.charCodeAt(clamped - 1) === 13 && text.charCodeAt(clamped) === 10) clamped--;
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= clamped) line++;
  return { line, character: clamped - starts[line] };
}

function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('core: line index', () => {
  it('maps offsets and positions like a full index, in any order of questions', () => {
    const next = random(11);
    const pieces = ['a', 'é', '\n', '\r', '\r\n', '🚀'];
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = Math.floor(next() * 40); i > 0; i--) text += pieces[Math.floor(next() * pieces.length)];
      const index = new LineIndex(text);
      for (let q = 0; q < 20; q++) {
        const offset = Math.floor(next() * (text.length + 4)) - 2;
        if (next() < 0.5) {
          assert.deepEqual(index.positionAt(offset), reference(text, offset), JSON.stringify({ text, offset }));
        } else {
          const position = reference(text, offset);
          assert.deepEqual(reference(text, index.offsetAt(position)), position, JSON.stringify({ text, position }));
        }
      }
      assert.equal(index.offsetAt({ line: 10_000, character: 0 }), text.length);
    }
  });

  it('answers the same on long texts with and without carriage returns (two ways of finding line ends)', () => {
    const next = random(5);
    for (const pieces of [['ab', '\n', 'c'], ['ab', '\n', '\r\n', '\r', 'c']]) {
      let text = '';
      while (text.length < 5000) text += pieces[Math.floor(next() * pieces.length)];
      const index = new LineIndex(text);
      for (let q = 0; q < 200; q++) {
        const offset = Math.floor(next() * (text.length + 2));
        assert.deepEqual(index.positionAt(offset), reference(text, offset), JSON.stringify({ offset, pieces }));
        const position = reference(text, Math.floor(next() * text.length));
        assert.deepEqual(reference(text, index.offsetAt(position)), position);
      }
    }
  });
});
