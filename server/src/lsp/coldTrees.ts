// Memory (issue 10): YAML trees the language server keeps but rarely reads. A cold entry keeps its parse and
// objects (the same objects, so every result kept for them still holds) without their trees: each document's
// `doc` and each object's `source.node` become properties that parse the text again the first time one is read.

import { parseDocument, type Document, type Node } from 'yaml';
import { isApplicationSet } from '../core/appset';
import { KARGO_GROUP } from '../core/kargo/kargoObjects';
import { KUSTOMIZATION_FILENAMES } from '../core/kustomize';
import { isApplication, type K8sObject } from '../core/model/k8sObject';
import { basenameOf } from '../core/paths';
import { objectNodes } from '../core/model/readObjects';
import type { ParsedFile } from '../core/parse/parseYamlFile';
import { hasTemplateActions } from '../core/parse/templateMask';

/** What of a parse cache entry cooling reads and changes. */
export interface CoolableEntry {
  text: string;
  parsed: ParsedFile;
  objects?: K8sObject[];
  chunks?: unknown[];
  cold?: boolean;
}

/**
 * Entries whose trees later analyses do not read: files with `{{` (Helm templates, whose objects read from the
 * unrendered text serve rules and hovers on the template while plans use the rendered ones; and files read as
 * written whose strings hold `{{`, whose rule results are kept, so their trees are read again only on an edit)
 * and files with no objects. Not
 * kustomization files (every build of their folder reads them) nor templates holding Applications,
 * ApplicationSets or Kargo objects (discovery and the Kargo checks read those trees whenever they run).
 */
export function coolable(entry: CoolableEntry): boolean {
  const { objects, parsed } = entry;
  if (objects === undefined || parsed.documents.length === 0 || KUSTOMIZATION_FILENAMES.includes(basenameOf(parsed.path))) return false;
  return objects.length === 0 || (hasTemplateActions(parsed.text) && !objects.some(readByWorkspaceStages));
}

function readByWorkspaceStages(object: K8sObject): boolean {
  return object.group === KARGO_GROUP || isApplication(object) || isApplicationSet(object);
}

/** Drops the entry's trees; `warm` must parse the text again and call warmEntry. */
export function coolEntry(entry: CoolableEntry, warm: () => void): void {
  entry.cold = true;
  // Parsed again whole on the next edit: a cold file is one nobody is typing in.
  entry.chunks = undefined;
  for (const document of entry.parsed.documents) readLater(document, 'doc', warm);
  for (const object of entry.objects ?? []) if (object.source.node) readLater(object.source, 'node', warm);
}

/** Puts back the trees of `fresh`, a parse of the same text made the same way as the first. */
export function warmEntry(entry: CoolableEntry, fresh: ParsedFile): void {
  entry.cold = false;
  entry.parsed.documents.forEach((document, i) => setValue(document, 'doc', fresh.documents[i]?.doc ?? emptyDocument()));
  const nodes = new Map(objectNodes(fresh).map((found) => [found.id, found.node]));
  for (const object of entry.objects ?? []) if (isDeferred(object.source, 'node')) setValue(object.source, 'node', nodes.get(object.id) as Node | undefined);
}

/** `target[key]` becomes a property that calls `warm` (which sets the value) when first read. */
function readLater<T extends object>(target: T, key: keyof T & string, warm: () => void): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      warm();
      // Read from the descriptor, so a warm that failed to set the value cannot call this getter again.
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      return descriptor && 'value' in descriptor ? descriptor.value : undefined;
    },
    set(value: unknown) {
      setValue(target, key, value);
    },
  });
}

function isDeferred(target: object, key: string): boolean {
  return Object.getOwnPropertyDescriptor(target, key)?.get !== undefined;
}

function setValue(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { configurable: true, enumerable: true, writable: true, value });
}

/** Stands for a document the new parse lacks (never expected: the same text parses the same way). */
function emptyDocument(): Document.Parsed {
  return parseDocument('') as Document.Parsed;
}
