// Go's regexp refuses a repeat count over 1000 and expressions whose program would be too large ("invalid
// repeat count", "expression too large"). re2js accepts them and builds the whole program first, so
// `a{1000}{1000}` would take minutes. This estimate of the expanded size lets such patterns be refused.

const MAX_REPEAT = 1000;
/** Roughly Go's limit on the compiled program. */
const MAX_SIZE = 100_000;

/** True when Go would refuse the pattern for its repeat counts or size. */
export function regexTooLarge(pattern: string): boolean {
  const stack: number[] = [0];
  let lastAtom = 0;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '\\') {
      i += 2;
      lastAtom = 1;
      stack[stack.length - 1] += 1;
      continue;
    }
    if (ch === '[') {
      // A class is one atom: skip to its closing bracket (a `]` right after `[` or `[^` is literal).
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = j + 1;
      lastAtom = 1;
      stack[stack.length - 1] += 1;
      continue;
    }
    if (ch === '(') stack.push(0);
    else if (ch === ')' && stack.length > 1) {
      lastAtom = stack.pop() as number;
      stack[stack.length - 1] += lastAtom;
    } else if (ch === '{') {
      const counted = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(i, i + 24));
      if (counted) {
        const max = Math.max(Number(counted[1]), Number(counted[2] || 0));
        if (max > MAX_REPEAT) return true;
        // The repeated atom is copied max times; its one copy is already counted.
        stack[stack.length - 1] += lastAtom * Math.max(max - 1, 0);
        lastAtom *= Math.max(max, 1);
        i += counted[0].length;
        if (stack[stack.length - 1] > MAX_SIZE) return true;
        continue;
      }
      lastAtom = 1;
      stack[stack.length - 1] += 1;
    } else if (!'|*+?'.includes(ch)) {
      lastAtom = 1;
      stack[stack.length - 1] += 1;
    }
    if (stack[stack.length - 1] > MAX_SIZE) return true;
    i++;
  }
  return stack.reduce((a, b) => a + b, 0) > MAX_SIZE;
}
