// Whether Argo CD has a health check for a kind (semantics 4.8): argocd-cm customizations, then built-in Lua,
// then built-in Go checks; without one a resource counts as done as soon as it is applied.

import { BUILT_IN_LUA_HEALTH } from './builtInLuaHealth';
import { compileGlob, type GlobMatcher } from '../glob/linearGlob';

/** Built-in Go checks (gitops-engine `GetHealthCheckFunc`), as `group/Kind`, core group "". */
const BUILT_IN_GO_HEALTH = new Set([
  'apps/Deployment', 'apps/StatefulSet', 'apps/ReplicaSet', 'apps/DaemonSet',
  '/Service', '/PersistentVolumeClaim', '/Pod',
  'batch/Job',
  'autoscaling/HorizontalPodAutoscaler',
  'extensions/Ingress', 'networking.k8s.io/Ingress',
  'apiregistration.k8s.io/APIService',
  'argoproj.io/Workflow',
]);

/** A `group/kind` pattern where `*` matches anything (Argo CD's wildcard customizations). */
export interface KindPattern {
  group: string;
  kind: string;
}

const LUA_PATTERNS: readonly KindPattern[] = BUILT_IN_LUA_HEALTH.map((entry) => {
  const [group, kind] = entry.split('/').map((part) => part.replace(/^_$/, '*').replace(/^_\./, '*.'));
  return { group, kind };
});

export function hasHealthCheck(group: string, kind: string, custom: readonly KindPattern[]): boolean {
  if (BUILT_IN_GO_HEALTH.has(`${group}/${kind}`)) return true;
  return [...custom, ...LUA_PATTERNS].some((p) => globMatches(p.group, group) && globMatches(p.kind, kind));
}

/** Keys may hold globs (Argo CD matches them with util/glob); compiled once, linear time. */
const compiledKeys = new Map<string, GlobMatcher>();

function globMatches(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  let matcher = compiledKeys.get(pattern);
  if (!matcher) {
    matcher = compileGlob(pattern, 'argocd');
    if (compiledKeys.size < 10_000) compiledKeys.set(pattern, matcher);
  }
  return matcher.test(value);
}

/**
 * Health customizations written anywhere in the given texts (argocd-cm data, the Argo CD Helm chart's
 * `configs.cm`, patches): `resource.customizations.health.<group>_<kind>` keys (core kinds have no group), and
 * `<group>/<kind>:` entries of a `resource.customizations` block that carry a `health.lua`.
 */
export function customHealthChecks(texts: Iterable<string>): KindPattern[] {
  const found: KindPattern[] = [];
  for (const text of texts) {
    if (!text.includes('resource.customizations')) continue;
    for (const m of text.matchAll(/resource\.customizations\.health\.([^\s:"'|]+)/g)) {
      const key = m[1];
      const cut = key.lastIndexOf('_');
      found.push(cut < 0 ? { group: '', kind: key } : { group: key.slice(0, cut), kind: key.slice(cut + 1) });
    }
    if (text.includes('health.lua')) {
      for (const m of text.matchAll(/^\s*["']?([\w.*-]+)\/([\w*]+)["']?:\s*(?:\|[-+]?)?\s*$/gm)) found.push({ group: m[1], kind: m[2] });
    }
  }
  return found;
}
