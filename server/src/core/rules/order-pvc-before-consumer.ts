// order/pvc-before-consumer: with volumeBindingMode WaitForFirstConsumer a PersistentVolumeClaim stays Pending until a
// pod using it is scheduled. Argo CD's health check reports a Pending claim as Progressing and waits for each step to
// be healthy before the next, so a claim in an earlier step than every pod mounting it waits forever (argo-cd #12840).

import type { AppAnalysis, WorkspaceAnalysis } from '../discover/appTypes';
import type { K8sObject } from '../model/k8sObject';
import { PHASE_RANK } from '../plan/hookVocabulary';
import type { PlanTask } from '../plan/planTypes';
import type { Finding } from '../types';
import { anchorOf, appLabel, finding } from './support/findings';
import { label } from './support/objectFacts';
import { podDependencies } from './support/podDependencies';
import { isRecord } from './support/podSpecs';
import type { Rule } from './ruleTypes';

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';

export const orderPvcBeforeConsumer: Rule = {
  code: 'order/pvc-before-consumer',
  severity: 'info',
  title: 'A PersistentVolumeClaim in an earlier step than every pod using it, with a WaitForFirstConsumer (or unknown) StorageClass: the sync waits forever.',
  checkApp(app, context) {
    const tasks = app.plan.steps.flatMap((s) => s.tasks).filter((t) => !t.synthetic);
    const findings: Finding[] = [];
    for (const claim of tasks.filter((t) => t.object.group === '' && t.object.kind === 'PersistentVolumeClaim' && !t.object.source.templated)) {
      const spec = isRecord(claim.object.body.spec) ? claim.object.body.spec : {};
      // A claim bound to a named volume, or with the empty class (no dynamic provisioning), does not wait for a pod.
      if (typeof spec.volumeName === 'string' && spec.volumeName !== '') continue;
      if (spec.storageClassName === '') continue;
      const consumers = tasks.filter((t) => sameNamespace(t, claim) && podDependencies(t.object).some((d) => d.kind === 'PersistentVolumeClaim' && d.name === claim.object.name));
      if (consumers.length === 0 || consumers.some((c) => compareSteps(c, claim) <= 0)) continue;
      const binding = bindingMode(context.workspace, typeof spec.storageClassName === 'string' ? spec.storageClassName : undefined);
      if (binding.mode === 'Immediate') continue;
      const first = [...consumers].sort(compareSteps)[0];
      findings.push(report(this, app, claim, first, binding));
    }
    return findings;
  },
};

interface Binding {
  mode: string | undefined;
  className: string | undefined;
  storageClass?: K8sObject;
}

/** The workspace's StorageClasses, gathered once per analysis. */
const storageClasses = new WeakMap<WorkspaceAnalysis, K8sObject[]>();

/** The binding mode of the claim's StorageClass as the workspace defines it (the default class when none is named). */
function bindingMode(workspace: WorkspaceAnalysis, className: string | undefined): Binding {
  let classes = storageClasses.get(workspace);
  if (!classes) storageClasses.set(workspace, (classes = workspace.apps.flatMap((a) => a.objects).filter((o) => o.group === 'storage.k8s.io' && o.kind === 'StorageClass')));
  const storageClass = className === undefined ? classes.find((c) => c.annotations.get(DEFAULT_CLASS)?.text === 'true') : classes.find((c) => c.name === className);
  if (!storageClass) return { mode: undefined, className };
  const mode = typeof storageClass.body.volumeBindingMode === 'string' ? storageClass.body.volumeBindingMode : 'Immediate';
  return { mode, className: storageClass.name, storageClass };
}

function sameNamespace(a: PlanTask, b: PlanTask): boolean {
  return a.orderingNamespace === '' || b.orderingNamespace === '' || a.orderingNamespace === b.orderingNamespace;
}

function compareSteps(a: PlanTask, b: PlanTask): number {
  return PHASE_RANK[a.phase] - PHASE_RANK[b.phase] || a.wave - b.wave;
}

function report(rule: Rule, app: AppAnalysis, claim: PlanTask, consumer: PlanTask, binding: Binding): Finding {
  const step = (t: PlanTask) => `${t.phase} wave ${t.wave}`;
  const storage = binding.mode
    ? `its StorageClass ${binding.className} binds volumes only when a pod uses them (WaitForFirstConsumer)`
    : `its StorageClass (${binding.className ?? 'the cluster default'}) is not in the workspace; if it binds volumes only when a pod uses them (WaitForFirstConsumer, the default of many provisioners)`;
  const message = `This claim may stay Pending until its first pod exists (${step(consumer)}), so Argo CD never starts that wave.`;
  const detail =
    `${label(claim.object)} is applied in ${step(claim)} of ${appLabel(app)}, but the first pod using it (${label(consumer.object)}) only in ${step(consumer)}. ` +
    `${storage}, the claim stays Pending, Argo CD counts it as Progressing and never starts ${step(consumer)}. Put the claim in the same wave as its pods, or a later one.`;
  return finding(rule, anchorOf(claim.object), message, { detail,
    related: [
      { ...anchorOf(consumer.object), message: `${label(consumer.object)} uses the claim in ${step(consumer)}` },
      ...(binding.storageClass ? [{ ...anchorOf(binding.storageClass), message: `StorageClass ${binding.storageClass.name}` }] : []),
    ],
  });
}
