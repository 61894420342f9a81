// Hover sections for findings under the cursor: the diagnostic shows the short message, the hover the explanation.

import type { Finding, Span } from '../core/types';

export interface FindingHover {
  markdown: string;
  span: Span;
}

/** "SyncPlan: CODE - detail" for every finding in `file` whose range holds `offset` and that has a detail. */
export function findingHoverAt(findings: readonly Finding[], file: string, offset: number): FindingHover | undefined {
  const hits = findings.filter((f) => f.detail && f.file === file && f.span.start <= offset && offset <= f.span.end);
  if (hits.length === 0) return undefined;
  const sections = [...new Map(hits.map((f) => [`${f.code}\n${f.detail}`, f])).values()].map(
    (f) => `**SyncPlan: \`${f.code}\`** - ${f.detail ?? ''}`,
  );
  const span = { start: Math.max(...hits.map((f) => f.span.start)), end: Math.min(...hits.map((f) => f.span.end)) };
  return { markdown: sections.join('\n\n'), span };
}

/** Joins a catalogue hover and the finding sections; the catalogue hover keeps its range. */
export function withFindingHover<T extends { markdown: string; span: Span }>(answer: T | undefined, found: FindingHover | undefined): FindingHover | undefined {
  if (!answer) return found;
  if (!found) return answer;
  return { markdown: `${answer.markdown}\n\n---\n\n${found.markdown}`, span: answer.span };
}
