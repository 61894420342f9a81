// LSP forbids overlapping edits in one change, but a core fix may delete a block and insert at its
// start. Edits that overlap (or share a start) are merged into one, applied the way the core means them:
// from the highest start down, in array order for equal starts.

import type { TextEdit } from '../core/types';

export function mergeOverlappingEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const ordered = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.span.start - b.edit.span.start || a.order - b.order);
  const groups: { start: number; end: number; members: typeof ordered }[] = [];
  for (const item of ordered) {
    const group = groups[groups.length - 1];
    if (group && (item.edit.span.start < group.end || item.edit.span.start === group.start)) {
      group.end = Math.max(group.end, item.edit.span.end);
      group.members.push(item);
    } else {
      groups.push({ start: item.edit.span.start, end: item.edit.span.end, members: [item] });
    }
  }
  return groups.map((group) => {
    if (group.members.length === 1) return group.members[0].edit;
    let slice = text.slice(group.start, group.end);
    const fromLast = [...group.members].sort((a, b) => b.edit.span.start - a.edit.span.start || a.order - b.order);
    for (const { edit } of fromLast) {
      slice = slice.slice(0, edit.span.start - group.start) + edit.newText + slice.slice(edit.span.end - group.start);
    }
    return { file: group.members[0].edit.file, span: { start: group.start, end: group.end }, newText: slice };
  });
}
