// resource/duplicate: Argo CD keys the desired state by group, kind, namespace and name; when one application
// renders the same key twice only one definition is kept and the other is silently lost
// (semantics 4.1 step 3 for namespace defaulting; argo-cd controller/state.go dedupes targets by key).

import type { AppAnalysis } from '../discover/appTypes';
import type { K8sObject } from '../model/k8sObject';
import { classifyObject } from '../plan/classifyObject';
import type { Finding } from '../types';
import { anchorOf, appLabel, finding } from './support/findings';
import type { Rule } from './ruleTypes';
import { inTemplatedFile, label } from './support/objectFacts';

export const resourceDuplicate: Rule = {
  code: 'resource/duplicate',
  severity: 'error',
  title: 'The same group, kind, namespace and name twice in one application.',
  checkApp(app, context) {
    // A folder no Application deploys is often a set of alternatives (app/not-deployed): duplicates there are
    // expected. So is a root folder of Applications applied by hand (apps.yaml next to apps-manual.yaml).
    if (app.notDeployed || app.appliedByHand) return [];
    const firstByKey = new Map<string, K8sObject>();
    const findings: Finding[] = [];
    for (const object of app.objects) {
      // Templated names are unknown, and generateName hooks get a fresh name on every sync.
      if (inTemplatedFile(object, context) || !object.name) continue;
      const kind = classifyObject(object).kind;
      if (kind === 'dropped' || kind === 'delete-hook') continue;
      const namespace = object.namespace || app.destinationNamespace || '';
      const key = `${object.group}/${object.kind}/${namespace}/${object.name}`;
      const first = firstByKey.get(key);
      if (!first) {
        firstByKey.set(key, object);
        continue;
      }
      if (first.id === object.id) continue;
      findings.push(report(this, app, object, first, namespace));
    }
    return findings;
  },
};

function report(rule: Rule, app: AppAnalysis, object: K8sObject, first: K8sObject, namespace: string): Finding {
  const where = namespace ? ` in namespace ${namespace}` : '';
  const group = object.group ? ` (${object.group})` : '';
  const message = `${label(object)} is defined twice in this app; Argo CD silently keeps only one definition.`;
  const detail =
    `${label(object)}${group}${where} is defined twice in ${appLabel(app)}. Argo CD keeps only one definition ` +
    `per group, kind, namespace and name, so one of them is silently ignored. Remove or rename one of them.`;
  return finding(rule, anchorOf(object), message, { detail, related: [{ ...anchorOf(first), message: 'first definition' }] });
}
