// Memory compaction of what the language server keeps (issue 10): a compacted YAML tree reads exactly as the
// library's own, and compacted keys compare as the texts they stand for.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNode, parseAllDocuments, visit, type Document } from 'yaml';
import { compactDocument } from '../../../server/src/core/parse/compactTree';
import { compactKey, digest } from '../../../server/src/core/incremental/digest';

const CORPUS = '/work/shared/corpus';
const SAMPLES = [
  'argoproj__argo-helm/charts/argo-cd/values.yaml',
  'argoproj__argo-helm/charts/argo-workflows/files/crds/full/argoproj.io_workflowtaskresults.yaml',
  'argoproj__argocd-example-apps/kustomize-guestbook/guestbook-ui-deployment.yaml',
];

const WRITTEN = `# leading comment
apiVersion: v1
kind: ConfigMap
metadata:
  name: demo # trailing
  annotations: {a: "1", b: [x, y]}
data:
  folded: >
    one
    two

    three
  literal: |
    line one
    line two
  list:
    - plain
    - 'single'
    # between items
    - "double\\nescaped"
---
- a
- b: c
`;

/** Everything a reader can see of a parse: values, written form, comments and every node's range. */
function seen(docs: Document.Parsed[]): unknown {
  return docs.map((doc) => {
    const ranges: unknown[] = [];
    visit(doc, { Node: (_key, node) => void ranges.push(isNode(node) ? [node.range, node.commentBefore, node.comment] : undefined) });
    return { js: doc.toJS(), text: String(doc), comment: [doc.commentBefore, doc.comment], ranges };
  });
}

function parse(text: string): Document.Parsed[] {
  return parseAllDocuments(text, { version: '1.1', logLevel: 'error', uniqueKeys: false }) as Document.Parsed[];
}

describe('compactDocument', () => {
  for (const [name, text] of [['written sample', WRITTEN], ...SAMPLES.map((s) => [s, readFileSync(join(CORPUS, s), 'utf8')])]) {
    it(`leaves ${name} reading the same`, () => {
      const compacted = parse(text);
      compacted.forEach(compactDocument);
      assert.deepEqual(seen(compacted), seen(parse(text)));
    });
  }

  it('walks the deepest nesting the library reads', () => {
    const depth = 800;
    const docs = parse(`${'['.repeat(depth)}x${']'.repeat(depth)}`);
    assert.equal(JSON.stringify(docs[0].toJS()).length, 2 * depth + 3);
    assert.doesNotThrow(() => docs.forEach(compactDocument));
  });
});

describe('compactKey', () => {
  it('keeps short keys as they are', () => {
    assert.equal(compactKey('app:guestbook'), 'app:guestbook');
  });

  it('stands for a long key by its digest, equal exactly when the keys are', () => {
    const long = JSON.stringify({ body: 'x'.repeat(500) });
    const other = JSON.stringify({ body: `${'x'.repeat(499)}y` });
    assert.equal(compactKey(long), `#${digest(long)}`);
    assert.equal(compactKey(long).length, 45);
    assert.equal(compactKey(long), compactKey(`${long}`));
    assert.notEqual(compactKey(long), compactKey(other));
  });
});
