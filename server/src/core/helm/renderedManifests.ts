// Turns one template's rendered output into objects whose every position (document, name, annotations, YAML
// nodes) is an offset into the template file, so rules, hover and code lenses work on template lines.

import { isCollection, isNode, isPair, parseAllDocuments, type Document } from 'yaml';
import type { OutputSegment } from '../gotemplate';
import type { K8sObject } from '../model/k8sObject';
import { readObjects } from '../model/readObjects';
import { compactDocument } from '../parse/compactTree';
import { dropDuplicateKeys } from '../parse/duplicateKeys';
import type { ParsedDocument, ParsedFile } from '../parse/parseYamlFile';
import type { Finding, Span } from '../types';
import { outputToTemplate, type TemplateSource } from './outputPositions';
import { splitHelmManifests } from './splitManifests';
import { goYamlTags } from '../parse/goYamlTags';

export interface RenderedManifests {
  objects: K8sObject[];
  /** Warnings on the template (duplicate keys in the output). */
  findings: Finding[];
  /** YAML errors in the output: Helm fails the render with these ("YAML parse error on ..."). */
  yamlErrors: { message: string; span: Span }[];
}

/** `idSuffix` keeps objects of the same template rendered for different Applications apart. */
export function manifestsFromOutput(template: TemplateSource, output: string, segments: readonly OutputSegment[], idSuffix: string): RenderedManifests {
  const toTemplate = outputToTemplate(template, output, segments);
  const mapStart = (o: number): number => toTemplate(o);
  const mapEnd = (start: number, end: number): number => (end <= start ? mapStart(start) : Math.max(mapStart(start), toTemplate(end - 1) + 1));
  const mapSpan = (span: Span): Span => ({ start: mapStart(span.start), end: mapEnd(span.start, span.end) });
  const findings: Finding[] = [];
  const yamlErrors: RenderedManifests['yamlErrors'] = [];
  const documents: ParsedDocument[] = [];
  // Each manifest Helm splits off is parsed alone; its offsets are moved to the output's, then the template's.
  for (const piece of splitHelmManifests(output)) {
    const inOutput = (span: Span): Span => ({ start: span.start + piece.start, end: span.end + piece.start });
    let docs: Document.Parsed[];
    try {
      docs = parseAllDocuments(piece.text, { version: '1.1', customTags: goYamlTags, logLevel: 'error', prettyErrors: false, uniqueKeys: false }) as Document.Parsed[];
      if (!Array.isArray(docs)) docs = [docs];
    } catch (e) {
      yamlErrors.push({ message: String(e instanceof Error ? e.message : e), span: mapSpan(inOutput({ start: 0, end: 0 })) });
      continue;
    }
    for (const doc of docs) {
      for (const f of dropDuplicateKeys(template.file, doc, true, false)) {
        findings.push({ ...f, span: mapSpan(inOutput(f.span)), related: f.related?.map((r) => ({ ...r, file: template.file, span: mapSpan(inOutput(r.span)) })) });
      }
      for (const error of doc.errors) yamlErrors.push({ message: error.message.split('\n')[0], span: mapSpan(inOutput({ start: error.pos[0], end: error.pos[1] })) });
      remapRanges(doc, (o) => mapStart(o + piece.start), (start, end) => mapEnd(start + piece.start, end + piece.start));
      compactDocument(doc);
      const range = doc.range ?? [0, 0, 0];
      documents.push({ index: documents.length, doc, span: { start: range[0], end: range[2] }, hasErrors: doc.errors.length > 0 });
    }
  }
  const file: ParsedFile = { path: template.file, text: template.text, documents, templated: false, templateSpans: [], problems: [] };
  const objects = readObjects(file);
  for (const object of objects) {
    object.id = `${object.id}@${idSuffix}`;
    object.source.rendered = true;
    for (const entry of [...object.annotations.values(), ...object.labels.values()]) entry.rendered = true;
  }
  return { objects, findings, yamlErrors };
}

function remapRanges(doc: Document.Parsed, mapStart: (o: number) => number, mapEnd: (s: number, e: number) => number): void {
  const remap = (range: [number, number, number]): [number, number, number] => {
    const start = mapStart(range[0]);
    const valueEnd = Math.max(start, mapEnd(range[0], range[1]));
    return [start, valueEnd, Math.max(valueEnd, mapEnd(range[0], range[2]))];
  };
  // The nodes `visit` reaches (collection items, pair keys and values; not alias targets), without the frozen
  // ancestry array `visit` builds for every node.
  const seen = new Set<object>();
  const walk = (node: unknown): void => {
    if (isNode(node)) {
      if (node.range && !seen.has(node)) {
        seen.add(node);
        node.range = remap(node.range);
      }
      if (isCollection(node)) for (const item of node.items) walk(item);
    } else if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    }
  };
  walk(doc.contents);
  if (doc.range) doc.range = remap(doc.range);
}
