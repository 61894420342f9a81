// Checks on a Stage's own `requestedFreight` and promotion steps: what Kargo's admission webhook rejects
// (duplicate origin, MatchUpstream misuse), a request with no source, and tasks that do not exist.

import type { K8sObject } from '../model/k8sObject';
import type { Finding } from '../types';
import { KARGO_CODES } from './kargoCodes';
import { asArray, asRecord, asString } from './kargoObjects';
import type { FreightRequest } from './kargoTypes';
import { finding } from './pipeline';

export function checkRequests(stage: K8sObject, requests: FreightRequest[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const request of requests) {
    const path = ['spec', 'requestedFreight', request.index];
    const origin = `${request.originKind}/${request.originName}`;
    if (seen.has(origin)) {
      findings.push(finding(KARGO_CODES.duplicateOrigin, `Stage ${stage.name} requests Freight from ${request.originKind} ${request.originName} twice: Kargo's webhook rejects the Stage.`, stage, [...path, 'origin']));
    }
    seen.add(origin);
    if (!request.direct && request.upstreamStages.length === 0) {
      findings.push(finding(KARGO_CODES.noSource, `Stage ${stage.name} requests Freight from ${request.originName} with neither direct: true nor upstream stages: it can never get that Freight.`, stage, [...path, 'sources']));
    }
    if (request.selectionPolicy === 'MatchUpstream' && (request.direct || request.upstreamStages.length !== 1)) {
      const why = request.direct ? 'with direct: true' : `with ${request.upstreamStages.length} upstream Stages`;
      findings.push(finding(KARGO_CODES.matchUpstream, `Stage ${stage.name} uses selectionPolicy MatchUpstream ${why}; it needs exactly one upstream Stage and no direct source, so Kargo's webhook rejects the Stage.`, stage, [...path, 'sources', 'autoPromotionOptions', 'selectionPolicy'], 'MatchUpstream'));
    }
  }
  return findings;
}

interface TaskLookup {
  tasks: ReadonlyMap<string, K8sObject>;
  clusterTasks: ReadonlyMap<string, K8sObject>;
}

/** `task: {name, kind}` steps naming a PromotionTask (in the Stage's namespace) or ClusterPromotionTask that is not declared. */
export function checkTasks(stage: K8sObject, lookup: TaskLookup): Finding[] {
  const steps = asArray(asRecord(asRecord(asRecord(stage.body.spec)?.promotionTemplate)?.spec)?.steps);
  const findings: Finding[] = [];
  steps.forEach((entry, i) => {
    const task = asRecord(asRecord(entry)?.task);
    const name = asString(task?.name);
    if (!task || !name || name.includes('${')) return;
    const kind = asString(task.kind) ?? 'PromotionTask';
    const known = (kind === 'ClusterPromotionTask' ? lookup.clusterTasks : lookup.tasks).has(name);
    if (!known) {
      findings.push(finding(KARGO_CODES.unknownTask, `Stage ${stage.name} uses ${kind} ${name}, which the workspace does not declare${kind === 'PromotionTask' ? ` in namespace ${stage.namespace ?? ''}` : ''}: the promotion fails.`, stage, ['spec', 'promotionTemplate', 'spec', 'steps', i, 'task', 'name'], name));
    }
  });
  return findings;
}
