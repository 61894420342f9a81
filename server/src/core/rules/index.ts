// Runs every registered rule over a workspace analysis. Rules never throw past this point.

import type { WorkspaceAnalysis } from '../discover/appTypes';
import type { K8sObject } from '../model/k8sObject';
import type { Finding } from '../types';
import type { Rule, RuleContext } from './ruleTypes';
import { ALL_RULES } from './registry';

export function runRules(workspace: WorkspaceAnalysis, rules: readonly Rule[] = ALL_RULES): Finding[] {
  const context: RuleContext = { workspace };
  const findings: Finding[] = [];
  const seenObjects = new Set<string>();
  const objects: K8sObject[] = [];
  for (const app of workspace.apps) {
    for (const object of app.objects) {
      if (seenObjects.has(object.id)) continue;
      seenObjects.add(object.id);
      objects.push(object);
    }
  }
  for (const rule of rules) {
    for (const object of objects) findings.push(...safely(rule, () => rule.checkObject?.(object, context)));
    for (const app of workspace.apps) findings.push(...safely(rule, () => rule.checkApp?.(app, context)));
  }
  return findings;
}

function safely(rule: Rule, run: () => Finding[] | undefined): Finding[] {
  try {
    return run() ?? [];
  } catch (error) {
    // A rule bug must not take the server down; report it where users can see it.
    console.error(`SyncPlan rule ${rule.code} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return [];
  }
}
