// Hover on catalogue keys and values, with the object's place in the plan on hook and wave annotations.

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { findCatalogueEntry, findCatalogueEntryOfKind, syncOptionInfo } from '../core/catalogue';
import { HELM_HOOK, HELM_HOOK_WEIGHT, HOOK, SYNC_OPTIONS, SYNC_WAVE } from '../core/catalogue/keys';
import type { WorkspaceAnalysis } from '../core/discover/appTypes';
import { isApplication, type K8sObject, type MetadataEntry } from '../core/model/k8sObject';
import { nodeSpan } from '../core/model/readObjects';
import type { Span } from '../core/types';
import { keyMarkdown, syncOptionMarkdown, valueMarkdown } from './catalogueMarkdown';
import { describePlace, planPlaces, renderedPlaces } from './planLookup';

export interface HoverAnswer {
  markdown: string;
  span: Span;
}

/** Keys whose hover also tells where the object runs. */
const PLAN_KEYS = new Set([HOOK, SYNC_WAVE, HELM_HOOK, HELM_HOOK_WEIGHT]);

/** Where hovers read plans from; `pending` while the folder's first analysis is still under way. */
export interface PlanSource {
  workspace: WorkspaceAnalysis;
  pending: boolean;
}

export function hoverAt(text: string, offset: number, objects: readonly K8sObject[], plans: PlanSource): HoverAnswer | undefined {
  const object = objects.find((o) => o.source.span.start <= offset && offset <= o.source.span.end);
  if (!object) return undefined;
  for (const entry of object.annotations.values()) {
    if (contains(entry.keyLocation.span, offset)) return withPlan(keyHover(entry, 'annotation'), entry, object, plans);
    if (contains(entry.valueLocation.span, offset)) return withPlan(valueHover(text, entry, offset, object), entry, object, plans);
  }
  for (const entry of object.labels.values()) {
    if (contains(entry.keyLocation.span, offset)) return keyHover(entry, 'label');
  }
  if (isApplication(object)) return applicationOptionHover(object, offset);
  return undefined;
}

function keyHover(entry: MetadataEntry, kind: 'annotation' | 'label'): HoverAnswer | undefined {
  const catalogue = findCatalogueEntryOfKind(entry.key, kind);
  return catalogue ? { markdown: keyMarkdown(catalogue), span: entry.keyLocation.span } : undefined;
}

function valueHover(text: string, entry: MetadataEntry, offset: number, object: K8sObject): HoverAnswer | undefined {
  const catalogue = findCatalogueEntry(entry.key);
  if (!catalogue) return undefined;
  const item = itemAt(text, entry.valueLocation.span, offset, catalogue.separator ?? ',');
  if (entry.key === SYNC_OPTIONS) {
    const option = syncOptionInfo(item.text);
    if (option) return { markdown: syncOptionMarkdown(option, isApplication(object) ? 'application' : 'resource'), span: item.span };
  }
  const value = catalogue.values?.find((v) => v.value === item.text);
  if (value) return { markdown: valueMarkdown(catalogue, value), span: item.span };
  return { markdown: keyMarkdown(catalogue), span: entry.valueLocation.span };
}

function withPlan(answer: HoverAnswer | undefined, entry: MetadataEntry, object: K8sObject, plans: PlanSource): HoverAnswer | undefined {
  if (!answer || !PLAN_KEYS.has(entry.key)) return answer;
  // Said rather than left out, so a missing place is not read as "not in any plan".
  if (plans.pending) return { ...answer, markdown: `*Place in the sync order: not known yet, the first analysis of this folder is still running.*\n\n---\n\n${answer.markdown}` };
  const { workspace } = plans;
  let places = planPlaces(workspace, { file: object.source.file, docIndex: object.source.docIndex });
  // In a Helm template: every object rendered from the part of the template under the cursor.
  if (places.length === 0) {
    const at = entry.keyLocation.span.start;
    places = renderedPlaces(workspace, object.source.file).filter((r) => contains(r.object.source.span, at)).map((r) => r.place);
  }
  if (places.length === 0) return answer;
  return { ...answer, markdown: `${places.map((p) => `**${describePlace(p)}**`).join('\n\n')}\n\n---\n\n${answer.markdown}` };
}

function applicationOptionHover(object: K8sObject, offset: number): HoverAnswer | undefined {
  const node = object.source.node;
  const options = isMap(node) ? node.getIn(['spec', 'syncPolicy', 'syncOptions'], true) : undefined;
  if (!isSeq(options)) return undefined;
  for (const item of options.items as Node[]) {
    const span = nodeSpan(item);
    if (!isScalar(item) || !contains(span, offset)) continue;
    const option = syncOptionInfo(String(item.value));
    return option ? { markdown: syncOptionMarkdown(option, 'application'), span } : undefined;
  }
  return undefined;
}

/** The comma-separated item under the cursor inside a (possibly quoted) value. */
function itemAt(text: string, span: Span, offset: number, separator: string): { text: string; span: Span } {
  let start = span.start;
  let end = span.end;
  if (/^["']/.test(text[start] ?? '')) {
    start++;
    end--;
  }
  let itemStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === separator) {
      if (offset <= i) {
        const raw = text.slice(itemStart, i);
        const lead = raw.length - raw.trimStart().length;
        const trimmed = raw.trim();
        return { text: trimmed, span: { start: itemStart + lead, end: itemStart + lead + trimmed.length } };
      }
      itemStart = i + 1;
    }
  }
  return { text: text.slice(start, end).trim(), span };
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end && span.end > span.start;
}
