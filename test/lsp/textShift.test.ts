// Carrying findings of an analysed text over to the buffer as it is now (server/src/lsp/textShift.ts).

import assert from 'node:assert/strict';
import type { Finding, Span } from '../../server/src/core/types';
import { mapFinding, mapSpan, shiftBetween } from '../../server/src/lsp/textShift';

/** `[` and `]` mark a span in the old text; the expected span is marked the same way in the new text, or absent. */
const cases: { name: string; before: string; after: string }[] = [
  { name: 'an edit after the span leaves it', before: 'a: [bad]\nb: 1\n', after: 'a: [bad]\nb: 12\n' },
  { name: 'lines inserted above move it', before: 'x: 1\na: [bad]\n', after: '# one\n# two\nx: 1\na: [bad]\n' },
  { name: 'text deleted above moves it back', before: 'long key: 1\na: [bad]\n', after: 'k: 1\na: [bad]\n' },
  { name: 'an edit inside drops it', before: 'a: [bad]\n', after: 'a: bXad\n' },
  { name: 'an edit across its start drops it', before: 'ab[cd]ef', after: 'aXdef' },
  { name: 'a space typed right after its end leaves it', before: 'a: [bad]\n', after: 'a: [bad] \n' },
  { name: 'a letter typed right after its end drops it (the word changed)', before: 'a: [bad]\n', after: 'a: badx\n' },
  { name: 'a line typed right after its end leaves it', before: 'a: [bad]\nb: 1\n', after: 'a: [bad]\nc: 2\nb: 1\n' },
  { name: 'a space typed right before its start moves it', before: 'a: [bad]\n', after: 'a:  [bad]\n' },
  { name: 'a letter typed right before its start drops it', before: 'a: [bad]\n', after: 'a: xbad\n' },
  { name: 'an identical text leaves it', before: 'a: [bad]\n', after: 'a: [bad]\n' },
];

/** The longest common suffix that does not reach into the common prefix. */
function suffixLength(a: string, b: string, prefix: number): number {
  let n = 0;
  while (n < a.length - prefix && n < b.length - prefix && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function marked(text: string): { text: string; span?: Span } {
  const start = text.indexOf('[');
  if (start < 0) return { text };
  const end = text.indexOf(']') - 1;
  return { text: text.replace('[', '').replace(']', ''), span: { start, end } };
}

describe('lsp: textShift', () => {
  for (const c of cases) {
    it(c.name, () => {
      const before = marked(c.before);
      const after = marked(c.after);
      const shift = shiftBetween(before.text, after.text);
      assert.deepEqual(mapSpan(before.span as Span, shift), after.span);
      if (!shift) return;
      // The region is exact: replacing it in the old text gives the new one.
      assert.equal(before.text.slice(0, shift.start) + after.text.slice(shift.start, shift.newEnd) + before.text.slice(shift.oldEnd), after.text);
    });
  }

  it('finds the edited region of long texts exactly (compared a block at a time, then character by character)', () => {
    const base = 'key: value\n'.repeat(800);
    // Edits at block boundaries, inside repeated text (where the region could be placed anywhere in the repeat), at both ends.
    for (const at of [0, 1, 1023, 1024, 1025, 4096, 5000, base.length - 1025, base.length - 1, base.length]) {
      for (const [removed, inserted] of [[0, 'x'], [1, ''], [3, 'key'], [0, 'key: value\n'], [11, '']]) {
        const after = base.slice(0, at) + (inserted as string) + base.slice(at + (removed as number));
        const shift = shiftBetween(base, after);
        if (!shift) {
          assert.equal(after, base);
          continue;
        }
        assert.equal(base.slice(0, shift.start) + after.slice(shift.start, shift.newEnd) + base.slice(shift.oldEnd), after, `${at} ${removed} ${inserted}`);
        // The prefix and suffix are the longest: the region starts and ends where the texts really differ.
        let prefix = 0;
        while (prefix < Math.min(base.length, after.length) && base[prefix] === after[prefix]) prefix++;
        assert.equal(shift.start, prefix);
        assert.equal(base.length - shift.oldEnd, suffixLength(base, after, prefix));
      }
    }
  });

  describe('mapFinding', () => {
    const file = '/w/a.yaml';
    const other = '/w/b.yaml';
    const finding: Finding = {
      code: 'test/code',
      severity: 'warning',
      message: 'Something.',
      file,
      span: { start: 10, end: 15 },
      related: [{ file: other, span: { start: 4, end: 6 }, message: 'there' }],
      fixes: [
        { title: 'same file', edits: [{ file, span: { start: 10, end: 15 }, newText: 'good' }] },
        { title: 'other file', edits: [{ file: other, span: { start: 4, end: 6 }, newText: 'x' }] },
      ],
    };

    it('returns the finding itself when no file changed', () => {
      assert.equal(mapFinding(finding, () => undefined), finding);
    });

    it('moves span, related locations and fix edits by the edit of their own file', () => {
      const moved = mapFinding(finding, (f) => (f === file ? { start: 0, oldEnd: 0, newEnd: 3 } : undefined));
      assert.deepEqual(moved?.span, { start: 13, end: 18 });
      assert.deepEqual(moved?.related?.[0].span, { start: 4, end: 6 });
      assert.deepEqual(moved?.fixes?.map((fix) => fix.edits[0].span), [{ start: 13, end: 18 }, { start: 4, end: 6 }]);
    });

    it('leaves out a fix and a related location whose file changed where they are', () => {
      const moved = mapFinding(finding, (f) => (f === other ? { start: 5, oldEnd: 5, newEnd: 6 } : undefined));
      assert.deepEqual(moved?.span, finding.span);
      assert.deepEqual(moved?.related, []);
      assert.deepEqual(moved?.fixes?.map((fix) => fix.title), ['same file']);
    });

    it('drops the finding when its file text is unknown', () => {
      assert.equal(mapFinding(finding, (f) => (f === file ? null : undefined)), undefined);
    });
  });
});
