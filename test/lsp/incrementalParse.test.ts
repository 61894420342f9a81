// The incremental parse cache must give exactly what a whole-file parse gives, after any edit.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isNode, visit, type Document } from 'yaml';
import type { K8sObject } from '../../server/src/core/model/k8sObject';
import { readObjects } from '../../server/src/core/model/readObjects';
import { parseYamlFile, type ParsedFile } from '../../server/src/core/parse/parseYamlFile';
import { hasDirectiveOrDocumentEnd, IncrementalParseCache, splitDocuments } from '../../server/src/lsp/incrementalParseCache';
import { generateManifest } from '../../bench/generateManifest';

const CORPUS = '/work/shared/corpus';

function snapshot(parsed: ParsedFile): unknown {
  return {
    documents: parsed.documents.map((d) => {
      const ranges: unknown[] = [];
      visit(d.doc, { Node: (_, node) => void (isNode(node) && ranges.push(node.range)) });
      let json: unknown;
      try {
        json = d.doc.toJS({ mapAsMap: true });
      } catch (error) {
        json = String(error);
      }
      const doc = d.doc as Document.Parsed;
      return { index: d.index, span: d.span, hasErrors: d.hasErrors, refusedDuplicate: d.refusedDuplicate, earlierAnnotations: d.earlierAnnotations, range: doc.range, ranges, json, errors: doc.errors.map((e) => [e.code, e.pos]) };
    }),
    problems: parsed.problems.map((p) => [p.code, p.span, p.message]),
    objects: readObjects(parsed).map((o) => [o.id, o.kind, o.name, o.source.span, o.source.anchor, [...o.annotations.values()].map((a) => [a.key, a.keyLocation.span, a.valueLocation.span])]),
  };
}

function objectsSnapshot(objects: K8sObject[]): unknown {
  return objects.map((o) => ({ ...o, source: { ...o.source, node: o.source.node?.range } }));
}

function assertSameAsWholeFile(cache: IncrementalParseCache, text: string, what: string): void {
  const whole = parseYamlFile('/f.yaml', text);
  assert.deepEqual(snapshot(cache.parse('/f.yaml', text)), snapshot(whole), what);
  // The objects, read incrementally (moved from earlier reads where their document was reused), equal a fresh read.
  assert.deepEqual(objectsSnapshot(cache.objects('/f.yaml', text)), objectsSnapshot(readObjects(whole)), `objects ${what}`);
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, out);
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/** A small deterministic random generator, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const TRICKY = [
  '',
  '---',
  '---\n',
  '# only a comment\n',
  '# comment\n---\na: 1\n',
  '\uFEFF# bom\n---\na: 1\n---\nb: 2\n',
  'a: 1\n---\n',
  'a: 1\n---\n---\n---\nb: [1,\n---\n2]\n',
  'data:\n  #k: v\n\n---\nb: 1\n',
  'a: v\n---\nx\n--- |\non: v1\n---\nb: "\nc: 1\n---\nd: 1\n',
  'a: "multi\n--- line"\n---\nb: 1\n',
  'a: |\n  text\n---\nb: 1\n',
  '--- |\n  block doc\n--- >\n  folded\n',
  '---\r\na: 1\r\n---\r\nb: 2\r\n',
  'a: &x 1\n---\nb: *x\n',
  '---a: 1\n--- # comment\nb: 1\n----\nc: 1\n',
  'a: 1\n---\nkind: X\nmetadata:\n  name: x\n  annotations: {a: "1"}\n  annotations: {b: "1"}\ndata: 1\ndata: 2\n---\nb: 1\n',
  'a: |\n  text\n---\nb: |\n  last\n  line',
  'a: |\n  text\n---\nb: >\n  folded\n  end\n---\nc: [x, |\n  y]',
];

describe('lsp: incremental parse cache', () => {
  it('splits at --- lines only, and leaves templates, directives and ... to the whole-file parser', () => {
    assert.deepEqual(splitDocuments('a: 1\n---\nb: 2\n')?.map((p) => p.start), [0, 5]);
    assert.deepEqual(splitDocuments('# c\n---\nb: 2\n')?.map((p) => p.start), [0]);
    assert.equal(splitDocuments('a: {{ .Values.x }}\n---\n'), undefined);
    assert.equal(splitDocuments('%YAML 1.1\n---\na: 1\n'), undefined);
    assert.equal(splitDocuments('a: 1\n...\n---\nb: 1\n'), undefined);
  });

  it('matches the whole-file parse on tricky inputs', () => {
    for (const text of TRICKY) assertSameAsWholeFile(new IncrementalParseCache(), text, JSON.stringify(text));
  });

  it('re-parses only the edited document and moves the ones after it', () => {
    const cache = new IncrementalParseCache();
    const before = generateManifest(100);
    const first = cache.parse('/f.yaml', before);
    const at = before.indexOf('name: web-1') + 'name: web-1'.length;
    const after = cache.parse('/f.yaml', `${before.slice(0, at)}0${before.slice(at)}`);
    assert.equal(after.documents.length, first.documents.length);
    assert.equal(after.documents[0].doc, first.documents[0].doc, 'the document before the edit is reused');
    assert.notEqual(after.documents[1].doc, first.documents[1].doc, 'the edited document is parsed again');
    assert.equal(after.documents[2].doc, first.documents[2].doc, 'the document after the edit is reused, moved by one');
    assertSameAsWholeFile(cache, `${before.slice(0, at)}0${before.slice(at)}`, 'after the edit');
  });

  it('matches the whole-file parse after many random edits', () => {
    const next = random(7);
    const cache = new IncrementalParseCache();
    let text = generateManifest(150);
    const inserts = ['x', ' ', '\n', ':', '"', '---\n', '\n---\n', '- ', '#', '{', 'é🚀'];
    for (let i = 0; i < 150; i++) {
      const at = Math.floor(next() * text.length);
      text = next() < 0.3 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 6)) : text.slice(0, at) + inserts[Math.floor(next() * inserts.length)] + text.slice(at);
      assertSameAsWholeFile(cache, text, `after edit ${i}`);
    }
  });

  it('moves the trees of reused documents only when read, however many edits came since', () => {
    const next = random(11);
    const cache = new IncrementalParseCache();
    let text = generateManifest(150);
    const inserts = ['x', ' ', '\n', '# c\n', '---\n', 'é🚀'];
    for (let i = 0; i < 60; i++) {
      const at = Math.floor(next() * text.length);
      text = next() < 0.3 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 6)) : text.slice(0, at) + inserts[Math.floor(next() * inserts.length)] + text.slice(at);
      // As an analysis does: the objects of every edit, their trees not read.
      const objects = cache.objects('/f.yaml', text);
      // Now and then a request reads one tree (a hover in one document), which moves that document's alone.
      if (i % 7 === 3 && objects.length > 0) void objects[Math.floor(next() * objects.length)].source.node?.range;
      if (i % 10 === 9) assertSameAsWholeFile(cache, text, `after edit ${i}`);
    }
  });

  it('matches the whole-file parse while edits break the YAML (unclosed quotes and flows, markers, block scalars)', () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    argocd.argoproj.io/sync-wave: "1"\ndata:\n  k: v\n';
    const inserts = ['"', "'", '[', '{', '|', '>', '&a ', '*a', '!', '\t', '%', '...', '\n...\n', '---', '\n---\n', '\n--- ', ': ', '- ', '? ', '#', '\r', '\n', '  ', 'x', '}', ']', ',', '\n--- |\n', '\n--- "\n'];
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      const cache = new IncrementalParseCache();
      let text = [manifest, manifest, manifest, manifest].join('---\n');
      for (let i = 0; i < 40; i++) {
        const at = Math.floor(next() * (text.length + 1));
        text = next() < 0.25 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4)) : text.slice(0, at) + inserts[Math.floor(next() * inserts.length)] + text.slice(at);
        assertSameAsWholeFile(cache, text, `seed ${seed}, edit ${i}: ${JSON.stringify(text)}`);
      }
    }
  });

  it('matches the whole-file parse on every YAML file of the corpus', function () {
    if (!existsSync(CORPUS)) this.skip();
    for (const file of yamlFiles(CORPUS)) assertSameAsWholeFile(new IncrementalParseCache(), readFileSync(file, 'utf8'), file);
  });

  it('finds directive and document-end lines as the pattern /^(%|\.\.\.(\s|$))/m does', () => {
    const next = random(3);
    const parts = ['%', '...', '.', '\n', '\r', ' ', 'a', '\t', '\u2028', '%Y', '-'];
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let j = Math.floor(next() * 8); j > 0; j--) text += parts[Math.floor(next() * parts.length)];
      assert.equal(hasDirectiveOrDocumentEnd(text), /^(%|\.\.\.(\s|$))/m.test(text), JSON.stringify(text));
    }
  });

  it('answers a request inside the edited document from a parse of that document alone, which the next parse takes', () => {
    const cache = new IncrementalParseCache();
    const before = generateManifest(100);
    const first = cache.parse('/f.yaml', before);
    const at = before.indexOf('name: web-1') + 'name: web-1'.length;
    const after = `${before.slice(0, at)}0${before.slice(at)}`;
    const later = first.documents[first.documents.length - 1].doc as Document.Parsed;
    const laterStart = later.range[0];
    const around = cache.objectsAround('/f.yaml', after, at);
    // The rest of the file was not parsed again: the last document was not moved yet.
    assert.equal(later.range[0], laterStart, 'only the edited document was parsed');
    const whole = readObjects(parseYamlFile('/f.yaml', after)).filter((o) => o.source.span.start <= at && at <= o.source.span.end);
    assert.deepEqual(objectsSnapshot(around), objectsSnapshot(whole));
    const parsed = cache.parse('/f.yaml', after);
    assert.equal(parsed.documents.find((d) => d.span.start <= at && at <= d.span.end)?.doc.contents, around[0].source.node, 'the whole parse took that document');
    assertSameAsWholeFile(cache, after, 'after the edit');
  });

  it('answers requests around random edits as the whole-file parse does, and the next parse still matches it', () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    argocd.argoproj.io/sync-wave: "1"\ndata:\n  k: v\n';
    const inserts = ['x', ' ', '\n', '"', '[', '{', '#', '---', '\n---\n', '\n--- |\n', '...', '%', '{{', '- ', ': '];
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const cache = new IncrementalParseCache();
      let text = [manifest, manifest, manifest, manifest, manifest].join('---\n');
      cache.parse('/f.yaml', text);
      for (let i = 0; i < 30; i++) {
        const at = Math.floor(next() * (text.length + 1));
        text = next() < 0.25 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4)) : text.slice(0, at) + inserts[Math.floor(next() * inserts.length)] + text.slice(at);
        const offset = Math.min(text.length, at + Math.floor(next() * 3));
        const what = `seed ${seed}, edit ${i}: ${JSON.stringify(text)} at ${offset}`;
        const around = new Map(cache.objectsAround('/f.yaml', text, offset).map((o) => [o.id, o]));
        // Every object that holds the offset is among them, and each one equals the whole-file parse's.
        for (const object of readObjects(parseYamlFile('/f.yaml', text))) {
          const holds = object.source.span.start <= offset && offset <= object.source.span.end;
          const mine = around.get(object.id);
          if (holds) assert.ok(mine, `${what}: ${object.id} missing`);
          if (mine) assert.deepEqual(objectsSnapshot([mine]), objectsSnapshot([object]), what);
        }
        assertSameAsWholeFile(cache, text, what);
      }
    }
  });

  describe('dropped trees (coolUnchanged)', () => {
    const TEMPLATE = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n  annotations:\n    argocd.argoproj.io/sync-wave: "1"\ndata:\n  k: {{ .Values.k }}\n';
    const VALUES = 'replicas: 2\nimage:\n  tag: v1\n---\nsecond: document\n';
    const PLAIN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n';
    const KUSTOMIZATION = 'resources:\n  - plain.yaml\n';

    /** What a reader sees of each document and object, the trees included. */
    const seen = (cache: IncrementalParseCache, path: string, text: string): unknown => [snapshot(cache.parse(path, text)), objectsSnapshot(cache.objects(path, text))];

    function analysed(): IncrementalParseCache {
      const cache = new IncrementalParseCache();
      for (const [path, text] of [['/t.yaml', TEMPLATE], ['/values.yaml', VALUES], ['/plain.yaml', PLAIN], ['/kustomization.yaml', KUSTOMIZATION]]) cache.objects(path, text);
      return cache;
    }

    it('drops the trees of unchanged templates and object-less files only, and keeps every parse and object the same object', () => {
      const cache = analysed();
      cache.coolUnchanged();
      assert.equal(cache.coldStats.cooled, 0, 'files parsed since the last call stay as they are');
      const kept = [cache.parse('/t.yaml', TEMPLATE), cache.objects('/t.yaml', TEMPLATE), cache.parse('/values.yaml', VALUES)];
      cache.coolUnchanged();
      assert.equal(cache.coldStats.cooled, 2, 'the template and the values file; not the plain manifest nor the kustomization');
      const deferred = (path: string, text: string): boolean => Object.getOwnPropertyDescriptor(cache.parse(path, text).documents[0], 'doc')?.get !== undefined;
      assert.deepEqual([deferred('/t.yaml', TEMPLATE), deferred('/values.yaml', VALUES), deferred('/plain.yaml', PLAIN), deferred('/kustomization.yaml', KUSTOMIZATION)], [true, true, false, false]);
      // Compared as references, which reads no tree.
      assert.ok(cache.parse('/t.yaml', TEMPLATE) === kept[0] && cache.objects('/t.yaml', TEMPLATE) === kept[1] && cache.parse('/values.yaml', VALUES) === kept[2]);
      assert.equal(cache.coldStats.warmed, 0);
    });

    it('reads a dropped tree again, once, exactly as first parsed', () => {
      const cache = analysed();
      const expected = [seen(cache, '/t.yaml', TEMPLATE), seen(cache, '/values.yaml', VALUES)];
      cache.coolUnchanged();
      cache.coolUnchanged();
      const node = cache.objects('/t.yaml', TEMPLATE)[0].source.node;
      assert.equal(cache.coldStats.warmed, 1, 'reading an object node parses its file again');
      assert.equal(cache.parse('/t.yaml', TEMPLATE).documents[0].doc.contents, node, 'documents and objects share the new tree');
      assert.deepEqual([seen(cache, '/t.yaml', TEMPLATE), seen(cache, '/values.yaml', VALUES)], expected);
      assert.equal(cache.coldStats.warmed, 2, 'the values file was read again when its documents were');
      cache.coolUnchanged();
      assert.equal(cache.coldStats.cooled, 2, 'trees read since the last call are kept one more round');
    });

    it('parses an edit of a file whose trees were dropped as the whole-file parser does', () => {
      const cache = analysed();
      cache.coolUnchanged();
      cache.coolUnchanged();
      const edited = VALUES.replace('second', 'third');
      assert.deepEqual(snapshot(cache.parse('/values.yaml', edited)), snapshot(parseYamlFile('/values.yaml', edited)));
      assert.equal(cache.coldStats.warmed, 0, 'the old trees were not needed');
    });
  });
});
