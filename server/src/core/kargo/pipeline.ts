// Builds a Project's promotion pipeline from its Stages' `requestedFreight` and checks the graph
// (Kargo's admission webhook checks neither upstream names, Warehouse names nor cycles).

import type { K8sObject } from '../model/k8sObject';
import { locationAt } from '../rules/support/podSpecs';
import type { Finding } from '../types';
import { KARGO_CODES, type KargoCodeInfo } from './kargoCodes';
import { asArray, asRecord, asString } from './kargoObjects';
import type { FreightRequest } from './kargoTypes';

export function readFreightRequests(stage: K8sObject): FreightRequest[] {
  const spec = asRecord(stage.body.spec);
  return asArray(spec?.requestedFreight).flatMap((entry, index) => {
    const request = asRecord(entry);
    const origin = asRecord(request?.origin);
    const sources = asRecord(request?.sources);
    if (!request) return [];
    return [{
      originKind: asString(origin?.kind) ?? 'Warehouse',
      originName: asString(origin?.name) ?? '',
      direct: sources?.direct === true,
      upstreamStages: asArray(sources?.stages).filter((s): s is string => typeof s === 'string'),
      selectionPolicy: asString(asRecord(sources?.autoPromotionOptions)?.selectionPolicy) ?? 'NewestFreight',
      index,
    }];
  });
}

/** A Stage whose promotion template has no steps only passes Freight on (Kargo's `IsControlFlow`). */
export function isControlFlow(stage: K8sObject): boolean {
  const template = asRecord(asRecord(stage.body.spec)?.promotionTemplate);
  return asArray(asRecord(template?.spec)?.steps).length === 0;
}

export function finding(info: KargoCodeInfo, message: string, object: K8sObject, path: (string | number)[], expected?: unknown): Finding {
  const location = locationAt(object, path, expected);
  return { code: info.code, severity: info.severity, message, file: location.file, span: location.span };
}

/** Findings for upstream Stages and origin Warehouses that the Project does not declare. */
export function checkReferences(
  project: string,
  stage: K8sObject,
  requests: FreightRequest[],
  stageNames: ReadonlySet<string>,
  warehouses: ReadonlyMap<string, K8sObject>,
): Finding[] {
  const findings: Finding[] = [];
  for (const request of requests) {
    const base = ['spec', 'requestedFreight', request.index];
    if (request.originKind === 'Warehouse' && request.originName && !warehouses.has(request.originName)) {
      findings.push(finding(KARGO_CODES.unknownWarehouse,
        `Stage ${stage.name} requests Freight from Warehouse ${request.originName}, which Project ${project} does not declare: Kargo fails with "Warehouse not found".`,
        stage, [...base, 'origin', 'name'], request.originName));
    }
    request.upstreamStages.forEach((upstream, i) => {
      if (stageNames.has(upstream)) return;
      findings.push(finding(KARGO_CODES.unknownUpstream,
        `Stage ${stage.name} requests Freight verified in Stage ${upstream}, which Project ${project} does not declare: that Freight never becomes available.`,
        stage, [...base, 'sources', 'stages', i], upstream));
    });
  }
  return findings;
}

/**
 * Orders Stages so each comes after its upstreams (Kahn's algorithm, ties by name). Stages left over
 * are on or behind a cycle; each cycle is reported once, at its first Stage by name.
 */
export function orderStages<T extends { name: string; object: K8sObject; requests: FreightRequest[] }>(project: string, stages: T[]): { ordered: T[]; findings: Finding[] } {
  const byName = new Map(stages.map((s) => [s.name, s]));
  const upstreams = new Map(stages.map((s) => [s.name, new Set(s.requests.flatMap((r) => r.upstreamStages).filter((u) => byName.has(u)))]));
  const ordered: T[] = [];
  const placed = new Set<string>();
  for (;;) {
    const ready = stages.filter((s) => !placed.has(s.name) && [...(upstreams.get(s.name) ?? [])].every((u) => placed.has(u)));
    if (ready.length === 0) break;
    for (const stage of ready.sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(stage);
      placed.add(stage.name);
    }
  }
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const stage of stages.filter((s) => !placed.has(s.name)).sort((a, b) => a.name.localeCompare(b.name))) {
    const loop = findCycle(stage.name, upstreams);
    if (loop && !loop.some((n) => reported.has(n))) {
      loop.forEach((n) => reported.add(n));
      const first = [...loop].sort()[0];
      const at = byName.get(first) as T;
      const start = loop.indexOf(first);
      const path = [...loop.slice(start), ...loop.slice(0, start), first].join(' → ');
      findings.push(finding(KARGO_CODES.cycle,
        `Stages of Project ${project} request Freight from each other in a loop (${path}): Freight never reaches them.`,
        at.object, ['spec', 'requestedFreight']));
    }
  }
  const rest = stages.filter((s) => !placed.has(s.name)).sort((a, b) => a.name.localeCompare(b.name));
  return { ordered: [...ordered, ...rest], findings };
}

/** A cycle through `start` following upstream edges, as the list of Stage names in it; undefined when none. */
function findCycle(start: string, upstreams: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const path: string[] = [];
  const visited = new Set<string>();
  const visit = (name: string): string[] | undefined => {
    const at = path.indexOf(name);
    if (at >= 0) return path.slice(at);
    if (visited.has(name)) return undefined;
    visited.add(name);
    path.push(name);
    for (const next of upstreams.get(name) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    return undefined;
  };
  const loop = visit(start);
  return loop?.includes(start) ? loop : undefined;
}
