// The contract every rule implements. One rule per file, named after its code.

import type { AppAnalysis, WorkspaceAnalysis } from '../discover/appTypes';
import type { K8sObject } from '../model/k8sObject';
import type { Finding, Severity } from '../types';

export interface RuleContext {
  workspace: WorkspaceAnalysis;
}

export interface Rule {
  /** Stable namespaced code, e.g. `hook/unknown-type`. */
  code: string;
  /** Default severity; users override it per code (or turn it off) in settings and `.syncplan.yaml`. */
  severity: Severity;
  /** Checks one source object once, however many applications render it. */
  checkObject?(object: K8sObject, context: RuleContext): Finding[];
  /** Checks one application with its rendered objects and plan. */
  checkApp?(app: AppAnalysis, context: RuleContext): Finding[];
}
