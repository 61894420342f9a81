// The contract every rule implements. One rule per file, named after its code.

import type { AppAnalysis, WorkspaceAnalysis } from '../discover/appTypes';
import type { K8sObject } from '../model/k8sObject';
import type { ParsedFile } from '../parse/parseYamlFile';
import type { FileHost, Finding, Severity, SourceLocation } from '../types';
import type { WorkspaceHealth } from './support/workspaceHealth';

export interface RuleContext {
  workspace: WorkspaceAnalysis;
  /** The workspace root; unlike `workspace`, reading it does not make a rule's results depend on the whole workspace. */
  root: string;
  /** Reads files; absent when a caller runs rules without one (rules then skip precise ranges and fixes). */
  host?: FileHost;
  /** Text of a workspace file, read once per run; undefined without a host or when the file is gone. */
  textOf(file: string): string | undefined;
  /** The file parsed as YAML (cached per run); undefined when it cannot be read. */
  parsedFile(file: string): ParsedFile | undefined;
  /**
   * Whether the file is read as a Helm template (its `{{` are not all inside strings or comments); undefined when
   * it cannot be read. Kept results depend on this answer only, not on the whole text, so an edit elsewhere in
   * the file does not invalidate them.
   */
  fileHasTemplates(file: string): boolean | undefined;
  /** The source text at `at` (a slice of its file); kept results depend on that slice only. */
  textAt(at: SourceLocation): string | undefined;
  /** Health checks configured anywhere in the workspace; kept results depend on this answer only. */
  healthChecks(): WorkspaceHealth;
}

export interface Rule {
  /** Stable namespaced code, e.g. `hook/unknown-type`. */
  code: string;
  /** Default severity; users override it per code (or turn it off) in settings and `.syncplan.yaml`. */
  severity: Severity;
  /** One-line summary used for settings descriptions. */
  title: string;
  /** Checks one source object once, however many applications render it. */
  checkObject?(object: K8sObject, context: RuleContext): Finding[];
  /** Checks one application with its rendered objects and plan. */
  checkApp?(app: AppAnalysis, context: RuleContext): Finding[];
  /** Which workspace files `checkFile` wants to see (for rules on files that are not objects, e.g. kustomizations). */
  appliesToFile?(path: string): boolean;
  checkFile?(file: ParsedFile, context: RuleContext): Finding[];
}
