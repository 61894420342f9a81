// Maps offsets in a template's rendered output back to offsets in the template file, so objects, annotations and
// findings of a rendered manifest point at the template line that produced them.

import type { OutputSegment } from '../gotemplate';
import { LineIndex } from '../text/lineIndex';

export interface TemplateSource {
  /** Template name as Helm knows it (`chart/templates/x.yaml`). */
  name: string;
  /** Absolute path of the template file. */
  file: string;
  text: string;
}

interface OwnSegment {
  outputStart: number;
  outputEnd: number;
  templateStart: number;
  /** True when the output is the template's literal text (so offsets inside map one to one). */
  literal: boolean;
}

/**
 * Returns a function from output offsets to template offsets. Output made by another template (an `include`d
 * helper) maps to the end of the nearest preceding output of this template, which is where the include is called.
 */
export function outputToTemplate(template: TemplateSource, output: string, segments: readonly OutputSegment[]): (offset: number) => number {
  const lines = new LineIndex(template.text);
  const own: OwnSegment[] = [];
  for (const s of segments) {
    if (s.template !== template.name) continue;
    const at = lines.offsetAt({ line: s.line - 1, character: s.column - 1 });
    const literal = template.text.startsWith(output.slice(s.outputStart, s.outputEnd), at);
    // An action's position is inside it; point at its `{{`.
    const open = literal ? at : template.text.lastIndexOf('{{', at);
    own.push({ outputStart: s.outputStart, outputEnd: s.outputEnd, templateStart: open < 0 ? at : open, literal });
  }
  own.sort((a, b) => a.outputStart - b.outputStart);
  const actionEnd = (start: number): number => {
    const close = template.text.indexOf('}}', start);
    return close < 0 ? start : close + 2;
  };
  return (offset: number): number => {
    const i = lastStartingAtOrBefore(own, offset);
    if (i < 0) return 0;
    const s = own[i];
    if (offset < s.outputEnd) return s.literal ? s.templateStart + (offset - s.outputStart) : s.templateStart;
    // Past this segment (in included output, or at its very end): point just after it.
    return s.literal ? s.templateStart + (s.outputEnd - s.outputStart) : actionEnd(s.templateStart);
  };
}

function lastStartingAtOrBefore(segments: readonly OwnSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].outputStart <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
