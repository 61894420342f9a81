import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

// Offsets, and the zero-based positions they must map to, for each kind of line ending.
const CASES: { name: string; text: string; offsets: [number, number, number][] }[] = [
  { name: 'LF', text: 'ab\ncd\n', offsets: [[0, 0, 0], [2, 0, 2], [3, 1, 0], [5, 1, 2], [6, 2, 0]] },
  // Offset 3 sits between \r and \n: a range ending there ends before the \r.
  { name: 'CRLF', text: 'ab\r\ncd\r\n', offsets: [[2, 0, 2], [3, 0, 2], [4, 1, 0], [7, 1, 2], [8, 2, 0]] },
  { name: 'CR only', text: 'ab\rcd\r', offsets: [[2, 0, 2], [3, 1, 0], [5, 1, 2], [6, 2, 0]] },
  { name: 'mixed', text: 'a\rb\r\nc\nd', offsets: [[2, 1, 0], [4, 1, 1], [5, 2, 0], [7, 3, 0], [8, 3, 1]] },
];

describe('LineIndex', () => {
  for (const { name, text, offsets } of CASES) {
    it(`maps offsets to lines with ${name} line ends`, () => {
      const index = new LineIndex(text);
      for (const [offset, line, character] of offsets) {
        assert.deepEqual(index.positionAt(offset), { line, character }, `offset ${offset}`);
      }
    });
  }
});
