// Helm's manifest split (pkg/releaseutil SplitManifests) as splitHelmManifests reproduces it: each output with
// the trimmed manifests Helm would parse, and their offsets.

import assert from 'node:assert/strict';
import { splitHelmManifests } from '../../../server/src/core/helm/splitManifests';

const cases: [string, string, string[]][] = [
  ['one manifest', 'a: 1\n', ['a: 1']],
  ['a leading separator', '---\na: 1\n---\nb: 2', ['a: 1', 'b: 2']],
  ['a separator glued to a comment', 'a: 1\n---# note\nb: 2', ['a: 1', '# note\nb: 2']],
  ['a separator glued to a key', 'a: 1\n---b: 2', ['a: 1', 'b: 2']],
  ['an indented --- is text', 'a: |\n  ---\n  x\n', ['a: |\n  ---\n  x']],
  ['an empty manifest is dropped', '\n---\n\na: 1\n---  \n', ['a: 1']],
  ['the whitespace a separator takes may reach the next ---, which is then text', '---\n\n---\n  \n---\nc: 3\n', ['---', 'c: 3']],
  ['whitespace after the separator, line breaks included, belongs to it', 'a: 1\n---  \n\n  b: 2', ['a: 1', 'b: 2']],
  ['four dashes leave one dash', 'a: 1\n----\nb: 2', ['a: 1', '-\nb: 2']],
  ['a separator right after another is text of the next manifest', '---\n---\nb: 2', ['---\nb: 2']],
  ['nothing but whitespace', ' \n\t\n', []],
];

describe('splitHelmManifests: manifests as Helm splits a template output', () => {
  for (const [label, output, expected] of cases) {
    it(label, () => {
      const pieces = splitHelmManifests(output);
      assert.deepEqual(pieces.map((p) => p.text), expected);
      for (const piece of pieces) assert.equal(output.slice(piece.start, piece.start + piece.text.length), piece.text);
    });
  }
});
