// The clusters generator (argo-cd applicationset/generators/cluster.go) over the cluster Secrets declared in
// the workspace, plus the in-cluster entry Argo CD always knows when the generator's selector is empty.

import { sanitizeName } from './fasttemplate';
import { asRecord, isEmptySelector, type GeneratorContext } from './generatorTypes';
import { withValues } from './gitGenerator';
import { labelSelector } from './selector';
import type { FieldPath, Params } from './templateRender';
import type { K8sObject } from '../model/k8sObject';

export const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';

export function clusterParams(clusters: Record<string, unknown>, path: FieldPath, ctx: GeneratorContext): Params[] {
  const selector = labelSelector(clusters.selector, [...path, 'selector']);
  ctx.partial.set(`its clusters generator depends on the clusters registered in Argo CD; SyncPlan used the ${ctx.clusterSecrets.length} cluster Secret(s) declared in this workspace plus in-cluster`, path);
  const values = asRecord(clusters.values) ?? {};
  const secrets = [...ctx.clusterSecrets]
    .filter((s) => selector(labelsOf(s)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const result: Params[] = [];
  const declaresInCluster = ctx.clusterSecrets.some((s) => secretField(s, 'server') === IN_CLUSTER_SERVER);
  if (isEmptySelector(clusters.selector) && !declaresInCluster) {
    result.push(withValues({ name: 'in-cluster', nameNormalized: 'in-cluster', server: IN_CLUSTER_SERVER, project: '' }, values, ctx, path));
  }
  for (const secret of secrets) result.push(withValues(secretParams(secret, ctx), values, ctx, path));
  return result;
}

/**
 * The in-cluster entry SyncPlan adds when the workspace declares no Secret for the local server. Live, a cluster
 * Secret for that server may replace it (cluster.go lists Secrets first) and bring labels and annotations, so
 * whatever a template reads from them is unknown for this entry. A declared Secret always has the secret-type label.
 */
export function isAssumedInCluster(params: Params): boolean {
  return params.server === IN_CLUSTER_SERVER && params.name === 'in-cluster' && !Object.keys(params).some((key) => key === 'metadata' || key.startsWith('metadata.'));
}

function secretParams(secret: K8sObject, ctx: GeneratorContext): Params {
  const name = secretField(secret, 'name') ?? '';
  const params: Params = { name, nameNormalized: sanitizeName(name), server: secretField(secret, 'server') ?? '', project: secretField(secret, 'project') ?? '' };
  const labels = labelsOf(secret);
  const annotations = Object.fromEntries([...secret.annotations].map(([k, e]) => [k, e.text ?? String(e.value)]));
  if (ctx.mode.goTemplate) {
    const metadata: Record<string, unknown> = {};
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    if (Object.keys(labels).length > 0) metadata.labels = labels;
    return { ...params, metadata };
  }
  for (const [k, v] of Object.entries(annotations)) params[`metadata.annotations.${k}`] = v;
  for (const [k, v] of Object.entries(labels)) params[`metadata.labels.${k}`] = v;
  return params;
}

function labelsOf(object: K8sObject): Record<string, string> {
  return Object.fromEntries([...object.labels].map(([k, e]) => [k, e.text ?? String(e.value)]));
}

/** A Secret's field from `stringData`, else base64-decoded `data`. */
export function secretField(secret: K8sObject, key: string): string | undefined {
  const plain = asRecord(secret.body.stringData)?.[key];
  if (typeof plain === 'string') return plain;
  const encoded = asRecord(secret.body.data)?.[key];
  return typeof encoded === 'string' ? Buffer.from(encoded, 'base64').toString('utf8') : undefined;
}

export function isClusterSecret(object: K8sObject): boolean {
  return object.group === '' && object.kind === 'Secret' && object.labels.get('argocd.argoproj.io/secret-type')?.text === 'cluster';
}
