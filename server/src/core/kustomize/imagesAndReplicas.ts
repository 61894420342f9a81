// `replicas` and `images` (Kustomize's ReplicaCountTransformer and ImageTagTransformer), which run after the
// patches and before replacements. Images: every `image` of a list item under a `containers` or
// `initContainers` field, at any depth (imagetag.LegacyFilter), whose name matches the entry's `name` as Kustomize
// matches it (`^name(@sha256)?(:tag)?$`, the name taken as a regular expression). Replicas: `spec.replicas` of
// the Deployment, ReplicationController, ReplicaSet or StatefulSet of that name, created when absent; a name
// that matches none of them fails the build.

import { RE2JS } from 're2js';
import { markIncomplete, report, type RenderContext } from './context';
import { asRecord } from './ids';
import { childNode, listField, locationOf, type Kustomization } from './kustomizationFile';
import { regexTooLarge } from './regexSize';
import { allIds, currentId, type Resource } from './resource';

const REPLICA_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];
/** The GVKs Kustomize's message lists when no object matches, in its order. */
const REPLICA_KINDS_MESSAGE = '[Deployment.[noVer].[noGrp] StatefulSet.[noVer].[noGrp] ReplicaSet.[noVer].[noGrp] ReplicationController.[noVer].[noGrp]]';

export function applyReplicas(ctx: RenderContext, k: Kustomization, resources: Resource[], partial: boolean): void {
  for (const entry of listField(k, 'replicas')) {
    const spec = asRecord(entry.value);
    const name = typeof spec?.name === 'string' ? spec.name : '';
    if (!spec || !name || typeof spec.count !== 'number') continue;
    const matches = resources.filter((r) => REPLICA_KINDS.includes(currentId(r).kind) && allIds(r).some((id) => id.name === name));
    if (matches.length === 0) {
      // The object may be in a resource SyncPlan could not render (a remote base).
      if (partial) continue;
      const message = `resource with name ${name} does not match a config with the following GVK ${REPLICA_KINDS_MESSAGE}`;
      const at = locationOf(k, childNode(entry.node, 'name') ?? entry.node);
      report(ctx, 'kustomize/replicas-target', 'error', `No Deployment, StatefulSet or ReplicaSet is named ${name}: kustomize build fails.`, at, `${message}, so kustomize build fails and Argo CD cannot render this application.`);
      markIncomplete(ctx, `replicas in ${k.file}: ${message}`);
      continue;
    }
    for (const resource of matches) {
      const body = asRecord(resource.body.spec) ?? {};
      body.replicas = spec.count;
      resource.body.spec = body;
    }
  }
}

export function applyImages(k: Kustomization, resources: Resource[]): void {
  for (const entry of listField(k, 'images')) {
    const spec = asRecord(entry.value);
    if (!spec || typeof spec.name !== 'string' || spec.name === '') continue;
    const matcher = imageMatcher(spec.name);
    if (!matcher) continue;
    const change: ImageChange = { newName: text(spec.newName), newTag: text(spec.newTag), digest: text(spec.digest) };
    for (const resource of resources) updateContainers(resource.body, (image) => (matcher.test(image) ? updatedImage(image, change) : image));
  }
}

interface ImageChange {
  newName?: string;
  newTag?: string;
  digest?: string;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** image.IsImageMatched: the name is used as a regular expression, as Kustomize uses it (Go RE2, here re2js). */
function imageMatcher(name: string): { test(image: string): boolean } | undefined {
  const pattern = `^${name}(@sha256)?(:[a-zA-Z0-9_.{}-]*)?$`;
  if (regexTooLarge(pattern)) return undefined;
  try {
    const re = RE2JS.compile(pattern);
    return { test: (image) => re.matches(image) };
  } catch {
    return undefined;
  }
}

/** imagetag's updater: a new tag or digest replaces both the old tag and digest. */
function updatedImage(image: string, change: ImageChange): string {
  let { name, tag, digest } = splitImage(image);
  if (change.newName) name = change.newName;
  if (change.newTag && change.digest) {
    tag = change.newTag;
    digest = change.digest;
  } else if (change.newTag) {
    tag = change.newTag;
    digest = '';
  } else if (change.digest) {
    digest = change.digest;
    tag = '';
  }
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

/** image.Split: a `:` or `@` after the first `/` (a registry port stays in the name). */
export function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf('/');
  const offset = slash > 0 ? slash : 0;
  const search = image.slice(offset);
  const at = search.indexOf('@');
  const colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) return { name: image.slice(0, at + offset), tag: '', digest: image.slice(at + offset + 1) };
  if (at >= 0 && colon >= 0) return { name: image.slice(0, colon + offset), tag: image.slice(colon + offset + 1, at + offset), digest: image.slice(at + offset + 1) };
  return { name: image.slice(0, colon + offset), tag: image.slice(colon + offset + 1), digest: '' };
}

/** Every `image` string of a list item under `containers` or `initContainers`, at any depth (no recursion). */
function updateContainers(body: Record<string, unknown>, update: (image: string) => string): void {
  const pending: unknown[] = [body];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    const record = asRecord(node);
    if (!record) continue;
    for (const [key, value] of Object.entries(record)) {
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
        for (const item of value) {
          const container = asRecord(item);
          if (container && typeof container.image === 'string') container.image = update(container.image);
        }
      }
      if (value !== null && typeof value === 'object') pending.push(value);
    }
  }
}
