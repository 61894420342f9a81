// Shared types of the ApplicationSet generators.

import type { K8sObject } from '../model/k8sObject';
import type { FieldPath, Params, TemplateMode } from './templateRender';

export interface GeneratorContext {
  mode: TemplateMode;
  /** Absolute paths of the workspace files (the working tree stands for the repository at any revision). */
  files: readonly string[];
  /** The same list, read as a dependency (an expansion memoised between analyses is redone when it changes). */
  listFiles?: () => readonly string[];
  /** Folder that git generator paths are relative to: the checkout root, else the workspace root. */
  repoRoot: string;
  readFile: (path: string) => string | undefined;
  isWorkspaceRepository: (repoURL: string | undefined) => boolean;
  /** Secrets labelled argocd.argoproj.io/secret-type: cluster declared in the workspace. */
  clusterSecrets: readonly K8sObject[];
  /** False when neither a git remote nor `.syncplan.yaml` names the workspace repository. */
  repositoryKnown: boolean;
  /** Notes on assumptions made while generating, shown with the ApplicationSet. */
  caveats: Set<string>;
  /** Generators that produced what the workspace shows but may produce more live (reason to its path). */
  partial: Map<string, FieldPath>;
  /** argocd-cmd-params-cm `applicationsetcontroller.enable.new.git.file.globbing: "true"`. */
  newGitFileGlobbing: boolean;
}

/** One generator's parameter sets and its own `template` (merged over `spec.template` later). */
export interface TransformResult {
  params: Params[];
  template: Record<string, unknown> | undefined;
  /** Where the generator is written, as a path in the ApplicationSet. */
  path: FieldPath;
}

/** The generator needs something outside the workspace (an SCM API, a live resource, another repository). */
export class NotOffline extends Error {
  constructor(
    message: string,
    readonly path: FieldPath,
  ) {
    super(message);
  }
}

/** The ApplicationSet controller itself fails on this generator (it then creates and updates nothing). */
export class GeneratorError extends Error {
  constructor(
    message: string,
    readonly path: FieldPath,
  ) {
    super(message);
  }
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function isEmptySelector(selector: unknown): boolean {
  const s = asRecord(selector);
  if (!s) return true;
  const labels = asRecord(s.matchLabels);
  const expressions = Array.isArray(s.matchExpressions) ? s.matchExpressions : [];
  return (!labels || Object.keys(labels).length === 0) && expressions.length === 0;
}
