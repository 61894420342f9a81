// Short stand-ins for long strings that are only ever compared (memo keys, written-out reports), so what is kept
// between analyses costs a few dozen bytes instead of the text (issue 10, memory).

import { createHash } from 'node:crypto';

/** A SHA-256 digest of `text` (base64): equal texts give equal digests; different ones, in practice, never. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** Keys longer than this are kept as their digest; shorter ones cost less than hashing them. */
const LONGEST_KEPT_KEY = 128;

/** `key` itself when short, else `#` and its digest. Compare compacted keys only with compacted keys. */
export function compactKey(key: string): string {
  return key.length <= LONGEST_KEPT_KEY ? key : `#${digest(key)}`;
}
