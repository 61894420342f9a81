// Memory (issue 10): a parse the language server keeps for the whole session is made smaller once, right after it
// is built. The yaml library fills each map and list by pushing one item at a time, so V8 reserves room for 17
// items even in a map of two; and block scalars and comments are strings joined line by line, which V8 keeps as
// a chain of pieces (a "rope") costing several times the text. Compacting gives each item list its exact size
// and turns each such string into one flat string, in place, so the objects read from the tree share it.

import { isCollection, isNode, isPair, isScalar, type Document } from 'yaml';

export function compactDocument(doc: Document.Parsed): void {
  flatten(doc.commentBefore);
  flatten(doc.comment);
  // A stack, not recursion: a hostile file may nest deeper than the call stack allows.
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isPair(node)) {
      pending.push(node.key, node.value);
      continue;
    }
    if (!isNode(node)) continue;
    flatten(node.commentBefore);
    flatten(node.comment);
    if (isScalar(node)) flatten(node.value);
    else if (isCollection(node)) {
      // A copy has exactly the room its items take; nothing else holds the library's list after parsing.
      const items = node.items.slice();
      (node as { items: unknown[] }).items = items;
      for (const item of items) pending.push(item);
    }
  }
}

/** Reading a character makes V8 copy a rope into one flat string and point the rope at it (String::Flatten). */
function flatten(value: unknown): void {
  if (typeof value === 'string' && value.length > 0) value.charCodeAt(0);
}
