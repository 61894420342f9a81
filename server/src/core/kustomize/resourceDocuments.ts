// Kustomize fails the whole build on a resource document that is not a Kubernetes object: a scalar or list
// ("missing Resource metadata"), a map without `kind` or without `metadata.name` (checked with kustomize v5.5).

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { RefusedDuplicate } from '../parse/duplicateKeys';
import type { ParsedFile } from '../parse/parseYamlFile';
import type { SourceLocation } from '../types';
import { markIncomplete, report, type RenderContext } from './context';

/** Reports at the kustomization entry `at` that names the file, like the other build failures of a resource. */
export function checkResourceDocuments(ctx: RenderContext, parsed: ParsedFile, entry: string, at: SourceLocation): void {
  if (parsed.templated) return;
  for (const document of parsed.documents) {
    if (document.hasErrors) continue;
    if (document.refusedDuplicate) {
      reportRefusedDuplicate(ctx, parsed, document.span.start, document.refusedDuplicate, entry, at);
      continue;
    }
    const root = document.doc.contents as Node | null;
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) continue;
    const problem = problemOf(root);
    if (!problem) continue;
    const offset = root.range ? root.range[0] : document.span.start;
    const line = parsed.text.slice(0, offset).split('\n').length;
    report(
      ctx,
      'kustomize/invalid-resource',
      'error',
      `Line ${line} of ${shortName(entry)} is not a Kubernetes object: kustomize build fails; the app cannot render.`,
      at,
      `"${entry}": the document at line ${line} ${problem}, so kustomize build fails and Argo CD cannot render this application.`,
    );
    markIncomplete(ctx, `a resource document in ${parsed.path} is not a Kubernetes object`);
  }
}

/** Kustomize decodes each resource into a map, which refuses a key written twice ("mapping key already defined"). */
function reportRefusedDuplicate(ctx: RenderContext, parsed: ParsedFile, start: number, refused: RefusedDuplicate, entry: string, at: SourceLocation): void {
  const lineOf = (offset: number): number => parsed.text.slice(0, start + offset).split('\n').length;
  const line = lineOf(refused.later);
  report(
    ctx,
    'kustomize/invalid-resource',
    'error',
    `Line ${line} of ${shortName(entry)} repeats the key "${shortName(refused.key)}": kustomize build fails; the app cannot render.`,
    at,
    `"${entry}": line ${line}: mapping key "${refused.key}" already defined at line ${lineOf(refused.earlier)}. Kustomize refuses a key written twice in a resource (only repeated annotations pass), so kustomize build fails and Argo CD cannot render this application.`,
  );
  markIncomplete(ctx, `a resource document in ${parsed.path} repeats the key "${refused.key}"`);
}

function problemOf(root: Node): string | undefined {
  if (!isMap(root)) return isSeq(root) ? 'is a list, not a Kubernetes object ("missing Resource metadata")' : 'is plain text, not a Kubernetes object ("missing Resource metadata")';
  const kind = text(root.get('kind', true));
  const metadata = root.get('metadata', true);
  const name = isMap(metadata) ? text(metadata.get('name', true)) : undefined;
  if (!kind && !isMap(metadata)) return 'has neither `kind` nor `metadata` ("missing Resource metadata")';
  const apiVersion = text(root.get('apiVersion', true)) ?? '';
  if (apiVersion.startsWith('kustomize.config.k8s.io/')) return undefined;
  if (kind?.endsWith('List') && isSeq(root.get('items', true))) return undefined;
  if (!kind) return 'has no `kind` ("missing kind in object")';
  if (!name) {
    const generated = isMap(metadata) && metadata.has('generateName') ? ' (Kustomize does not support `generateName`)' : '';
    return `has no \`metadata.name\`${generated} ("missing metadata.name in object")`;
  }
  return undefined;
}

function text(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && String(node.value) !== '' ? String(node.value) : undefined;
}

/** The entry's file name, cut so the one-line message stays short. */
function shortName(entry: string): string {
  const name = entry.slice(entry.lastIndexOf('/') + 1) || entry;
  return name.length > 40 ? `${name.slice(0, 37)}...` : name;
}
