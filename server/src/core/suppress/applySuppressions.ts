// Drops findings silenced by suppression directives and reports directives that silenced nothing, so stale
// suppressions do not hide future problems unnoticed.

import { RULE_CODES } from '../rules/ruleCodes';
import type { K8sObject } from '../model/k8sObject';
import type { Finding } from '../types';
import { annotationDirective, commentDirectives, IGNORE_ANNOTATION, type Directive } from './directives';

export const UNUSED_SUPPRESSION = 'syncplan/unused-suppression';

export interface SuppressionInput {
  findings: Finding[];
  /** Workspace files that may hold comment directives. */
  files: readonly string[];
  readFile(file: string): string | undefined;
  /** Objects that may carry the ignore annotation. */
  objects: readonly K8sObject[];
}

export function applySuppressions(input: SuppressionInput): Finding[] {
  const directives: Directive[] = [];
  for (const file of input.files) {
    if (!/\.ya?ml$/i.test(file)) continue;
    const text = input.readFile(file);
    if (text !== undefined) directives.push(...commentDirectives(file, text));
  }
  for (const object of input.objects) {
    if (!object.annotations.has(IGNORE_ANNOTATION)) continue;
    const directive = annotationDirective(object, input.readFile(object.source.file));
    if (directive) directives.push(directive);
  }
  if (directives.length === 0) return input.findings;
  const byFile = new Map<string, Directive[]>();
  for (const d of directives) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const used = new Set<string>();
  const kept = input.findings.filter((finding) => {
    const silencing = (byFile.get(finding.file) ?? []).filter((d) => covers(d, finding));
    for (const d of silencing) used.add(useKey(d, finding.code));
    return silencing.length === 0;
  });
  return [...kept, ...unused(directives, used)];
}

function covers(directive: Directive, finding: Finding): boolean {
  const inScope = directive.scope.start <= finding.span.start && finding.span.start <= directive.scope.end;
  return inScope && (directive.codes.length === 0 || directive.codes.some((c) => c.code === finding.code));
}

function useKey(directive: Directive, code: string): string {
  const which = directive.codes.length === 0 ? '*' : code;
  return `${directive.file}:${directive.span.start}:${which}`;
}

const KNOWN = new Set(RULE_CODES.map((c) => c.code));

function unused(directives: Directive[], used: Set<string>): Finding[] {
  const hints: Finding[] = [];
  const where = (d: Directive): string => (d.kind === 'annotation' ? `annotation ${IGNORE_ANNOTATION}` : `syncplan-disable-${d.kind}`);
  for (const d of directives) {
    if (d.codes.length === 0) {
      if (!used.has(useKey(d, '*'))) hints.push(hint(d.file, d.span, `This ${where(d)} silences nothing; remove it.`, 'No finding is reported in its scope.'));
      continue;
    }
    for (const c of d.codes) {
      if (used.has(useKey(d, c.code))) continue;
      const reason = KNOWN.has(c.code) ? `no ${c.code} finding is reported in its scope` : `"${c.code}" is not a SyncPlan code`;
      hints.push(hint(d.file, c.span, `${c.code} in this ${where(d)} silences nothing; remove it.`, `${reason[0].toUpperCase()}${reason.slice(1)}.`));
    }
  }
  return hints;
}

function hint(file: string, span: { start: number; end: number }, message: string, detail: string): Finding {
  return { code: UNUSED_SUPPRESSION, severity: 'hint', message, detail, file, span };
}
