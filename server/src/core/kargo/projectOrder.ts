// A Kargo Project creates its namespace through an admission webhook, so a Stage, Warehouse, PromotionTask or ProjectConfig
// synced by the same Argo CD Application must come in a later (phase, wave) step than the Project (Akuity KB
// "Ensuring Correct Sync Order for Kargo Resources in Argo CD").

import type { K8sObject } from '../model/k8sObject';
import type { SyncPlan } from '../plan/planTypes';
import type { Finding } from '../types';
import { KARGO_CODES } from './kargoCodes';
import { KARGO_GROUP } from './kargoObjects';
import { finding } from './pipeline';

const NAMESPACED_KINDS = new Set(['Stage', 'Warehouse', 'PromotionTask', 'ProjectConfig']);
const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';

/** One finding per Project and Application, at the Project, listing what is synced too early. */
export function checkProjectOrder(plans: readonly SyncPlan[]): Finding[] {
  const findings: Finding[] = [];
  for (const plan of plans) {
    const projects = new Map<string, { object: K8sObject; step: number; phase: string; wave: number }>();
    plan.steps.forEach((step, index) => {
      for (const task of step.tasks) {
        if (task.object.group === KARGO_GROUP && task.object.kind === 'Project' && task.object.name) {
          projects.set(task.object.name, { object: task.object, step: index, phase: task.phase, wave: task.wave });
        }
      }
    });
    const early = new Map<string, K8sObject[]>();
    plan.steps.forEach((step, index) => {
      for (const { object } of step.tasks) {
        if (object.group !== KARGO_GROUP || !NAMESPACED_KINDS.has(object.kind) || object.namespace === undefined) continue;
        const project = projects.get(object.namespace);
        if (project && index <= project.step) early.set(project.object.name, [...(early.get(project.object.name) ?? []), object]);
      }
    });
    for (const [name, objects] of early) {
      const project = projects.get(name)!;
      const listed = objects.map((o) => `${o.kind} ${o.name}`);
      const shown = listed.length > 4 ? `${listed.slice(0, 4).join(', ')} and ${listed.length - 4} more` : listed.join(', ');
      const base = finding(KARGO_CODES.projectOrder,
        'Kargo objects in the namespace this Project creates sync no later than it: they can fail with "namespace not found".',
        project.object, project.object.annotations.has(SYNC_WAVE) ? ['metadata', 'annotations', SYNC_WAVE] : ['metadata', 'name']);
      const detail =
        `Project ${name} (phase ${project.phase}, wave ${project.wave}) is synced no earlier than ${shown} in its namespace; the Project creates that namespace, so they can fail with "namespace not found". Give the Project a lower sync wave than the rest.`;
      findings.push({ ...base, detail, related: objects.map((o) => ({ file: o.source.file, span: o.source.anchor, message: `${o.kind} ${o.name} is synced too early` })) });
    }
  }
  return findings;
}
