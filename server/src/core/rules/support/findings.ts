// Builds findings with the rule's code and default severity.

import type { Fix, Finding, RelatedLocation, Severity, SourceLocation, TextEdit } from '../../types';
import type { K8sObject } from '../../model/k8sObject';

export interface FindingExtras {
  severity?: Severity;
  fixes?: (Fix | undefined)[];
  related?: RelatedLocation[];
  /** The explanation that does not fit in the one-sentence message. */
  detail?: string;
}

export function finding(rule: { code: string; severity: Severity }, at: SourceLocation, message: string, extras: FindingExtras = {}): Finding {
  const fixes = (extras.fixes ?? []).filter((f): f is Fix => f !== undefined);
  return {
    code: rule.code,
    severity: extras.severity ?? rule.severity,
    message,
    ...(extras.detail ? { detail: extras.detail } : {}),
    file: at.file,
    span: at.span,
    ...(fixes.length > 0 ? { fixes } : {}),
    ...(extras.related && extras.related.length > 0 ? { related: extras.related } : {}),
  };
}

/** A fix made of edits; undefined when any edit could not be built. */
export function fix(title: string, edits: (TextEdit | undefined)[], preferred = false): Fix | undefined {
  if (edits.length === 0 || edits.some((e) => e === undefined)) return undefined;
  return { title, edits: edits as TextEdit[], ...(preferred ? { preferred: true } : {}) };
}

export function anchorOf(object: K8sObject): SourceLocation {
  return { file: object.source.file, span: object.source.anchor };
}

/** `a`, `b`: values quoted as inline code for messages. */
export function quoteList(values: string[]): string {
  return values.map((v) => `\`${v}\``).join(', ');
}

/** How messages name an application: `Application shop`, or the folder SyncPlan treats as one. */
export function appLabel(app: { name: string; definedBy?: unknown }): string {
  if (app.definedBy) return `Application ${app.name}`;
  return app.name === '.' ? 'the app at the workspace root' : `the app in folder ${app.name}`;
}
