// Every finding code SyncPlan can produce, with its default severity and documentation anchor.
// The language server and the VS Code settings are generated from RULE_CODES.

import { APPSET_CODE_LIST } from '../appset/appsetCodes';
import { KARGO_CODE_LIST } from '../kargo/kargoCodes';
import type { Severity } from '../types';
import { ALL_RULES } from './registry';

export interface RuleCodeInfo {
  code: string;
  severity: Severity;
  title: string;
}

/** Codes produced while parsing files rather than by a rule; users may override them too. */
const PARSE_CODES: readonly RuleCodeInfo[] = [
  { code: 'parse/yaml-error', severity: 'error', title: 'A YAML syntax error: Argo CD cannot render the file.' },
  { code: 'yaml/duplicate-key', severity: 'warning', title: 'A mapping key written twice: Argo CD keeps the last value and drops the others.' },
  { code: 'parse/templated', severity: 'info', title: 'A file with Helm template actions was only partly read.' },
  { code: 'parse/too-deep', severity: 'warning', title: 'YAML nested too deeply for SyncPlan to read in full: the plan may miss parts of the file.' },
];

/** Codes of the native Helm renderer (server/src/core/helm). */
const HELM_RENDER_CODES: readonly RuleCodeInfo[] = [
  { code: 'helm/render-error', severity: 'error', title: '`helm template` fails here (required, fail, a missing value file, a type error): Argo CD generates no manifests.' },
];

/** Codes of the workspace gate (safeHost.ts): paths it refuses to read. */
const WORKSPACE_CODES: readonly RuleCodeInfo[] = [
  { code: 'workspace/outside-link', severity: 'warning', title: 'A link whose real path is outside the workspace: it is not read.' },
  { code: 'workspace/not-regular-file', severity: 'warning', title: 'A pipe, socket or device in the workspace: it is not read.' },
  { code: 'syncplan/internal-error', severity: 'error', title: 'A check failed inside SyncPlan; its results are missing.' },
  { code: 'syncplan/unused-suppression', severity: 'hint', title: 'A syncplan-disable comment or syncplan.dev/ignore annotation that silences nothing.' },
  { code: 'syncplan/config', severity: 'warning', title: 'A problem in .syncplan.yaml (unknown key or code, invalid severity); the valid entries still apply.' },
  { code: 'workspace/file-too-large', severity: 'warning', title: 'A file over the size limit (syncplan.maxFileSize): it is not read.' },
];

/** Codes the native Kustomize renderer reports when `kustomize build` would fail or SyncPlan cannot follow it. */
const KUSTOMIZE_BUILD_CODES: readonly RuleCodeInfo[] = [
  { code: 'kustomize/cycle', severity: 'error', title: 'Kustomizations include each other in a cycle: the build fails.' },
  { code: 'kustomize/duplicate-id', severity: 'error', title: 'The same object added twice to one kustomization: the build fails.' },
  { code: 'kustomize/too-deep', severity: 'error', title: 'Kustomizations nested more than 100 levels deep: SyncPlan stops following them.' },
  { code: 'kustomize/invalid-patch', severity: 'error', title: 'A patch that is not valid YAML or lacks a target: the build fails.' },
  { code: 'kustomize/patch-target', severity: 'error', title: 'A patch whose target matches no object, or several: the build fails.' },
  { code: 'kustomize/patch-failed', severity: 'error', title: 'A patch that cannot be applied: the build fails.' },
  { code: 'kustomize/replicas-target', severity: 'error', title: 'A replicas entry that names no Deployment, StatefulSet or ReplicaSet: the build fails.' },
  { code: 'kustomize/replacement-failed', severity: 'error', title: 'A replacement whose source or target field cannot be found: the build fails.' },
  { code: 'kustomize/invalid-generator', severity: 'error', title: 'A ConfigMap or Secret generator without a name or with a malformed literal: the build fails.' },
  { code: 'kustomize/generator-merge-target', severity: 'error', title: 'A generator with behavior merge or replace and nothing to merge into: the build fails.' },
  { code: 'kustomize/non-string-value', severity: 'error', title: 'An unquoted number or boolean where Kustomize needs a string: the build fails.' },
  { code: 'kustomize/invalid-resource', severity: 'error', title: 'A resource document that is not a Kubernetes object (text, a list, no kind or no name): the build fails.' },
  { code: 'kustomize/remote-resource', severity: 'warning', title: 'A remote resource or base that cannot be fetched offline: the plan is incomplete.' },
  { code: 'kustomize/unsupported', severity: 'info', title: 'A kustomization field SyncPlan does not evaluate: the plan may miss its effect.' },
];

export const RULE_CODES: readonly RuleCodeInfo[] = Object.freeze([
  ...ALL_RULES.map(({ code, severity, title }) => ({ code, severity, title })),
  ...PARSE_CODES,
  ...KARGO_CODE_LIST,
  ...APPSET_CODE_LIST,
  ...WORKSPACE_CODES,
  ...KUSTOMIZE_BUILD_CODES,
  ...HELM_RENDER_CODES,
]);

export const RULE_DOCS_BASE = 'https://github.com/syncplan/syncplan/blob/main/docs/rules.md';

/** Link to the section of docs/rules.md whose heading is the code (GitHub's heading anchor: lower case, punctuation but `-` dropped). */
export function RULE_DOCS_URL(code: string): string {
  const anchor = code.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
  return `${RULE_DOCS_BASE}#${anchor}`;
}
