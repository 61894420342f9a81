// A block scalar (`|`, `>`) that ends the text without a final line break has none in its value for Go's YAML
// readers (Argo CD, Kustomize): chomping keeps a line break only when there is one. The yaml library adds one
// anyway, so a ConfigMap value written last in a file without a trailing newline, or in a `patch: |-` string,
// would gain a "\n" that Argo CD does not see. This takes it off again.

import { isMap, isPair, isScalar, isSeq, Scalar, type Document } from 'yaml';

export function trimBlockScalarAtEnd(doc: Document.Parsed, text: string): void {
  if (text.endsWith('\n') || text.endsWith('\r')) return;
  let node: unknown = doc.contents;
  // The last node in document order: the value of a map's last pair, a list's last item, down to a scalar.
  for (let depth = 0; depth < 10_000 && (isMap(node) || isSeq(node)); depth++) {
    const last: unknown = node.items[node.items.length - 1];
    node = isPair(last) ? last.value : last;
  }
  if (!isScalar(node) || (node.type !== Scalar.BLOCK_LITERAL && node.type !== Scalar.BLOCK_FOLDED)) return;
  const end = node.range?.[1] ?? -1;
  if (end < text.length || typeof node.value !== 'string' || !node.value.endsWith('\n')) return;
  node.value = node.value.slice(0, -1);
}
