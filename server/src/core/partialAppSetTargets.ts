// Folders an ApplicationSet that SyncPlan cannot fully expand points at. Argo CD may generate Applications for
// them that SyncPlan cannot list (live clusters, pull requests, a generator it cannot evaluate), so such a folder
// is not reported as one nothing deploys; its plan says it lacks the generated Applications' options instead.

import type { AppSetExpansion } from './appset';
import { asRecord } from './appset/generatorTypes';
import type { AppAnalysis } from './discover/appTypes';
import { resolveSourcePath } from './discover/discoverApplications';
import type { FileHost } from './types';

/** The apps with standalone folders that a partial expansion's template points at marked so (copies). */
export function withPartialAppSetTargets(
  context: { host: FileHost; root: string; isWorkspaceRepository: (repoURL: string | undefined) => boolean },
  apps: AppAnalysis[],
  expansions: readonly AppSetExpansion[],
): AppAnalysis[] {
  const reasons = new Map<string, string[]>();
  for (const expansion of expansions) {
    if (expansion.expandable) continue;
    for (const path of literalTemplatePaths(expansion, context.isWorkspaceRepository)) {
      const folder = resolveSourcePath(context, path);
      if (!folder) continue;
      const reason = `ApplicationSet ${expansion.appset.name} points its template at this folder, but SyncPlan cannot expand it fully offline (${expansion.reason ?? 'a generator needs live state'}). Argo CD may deploy this folder through Applications not shown here, with their options (destination namespace, sync options), which this plan lacks.`;
      reasons.set(folder, [...(reasons.get(folder) ?? []), reason]);
    }
  }
  if (reasons.size === 0) return apps;
  return apps.map((app) => {
    const pending = app.definedBy ? undefined : reasons.get(app.path);
    if (!pending) return app;
    const { notDeployed: _, ...rest } = app;
    return { ...rest, complete: false, incompleteReasons: [...pending, ...app.incompleteReasons] };
  });
}

/** Paths without template parameters in the template's sources whose repository may be this one. */
function literalTemplatePaths(expansion: AppSetExpansion, isWorkspaceRepository: (repoURL: string | undefined) => boolean): string[] {
  const spec = asRecord(asRecord(asRecord(expansion.appset.body.spec)?.template)?.spec);
  const sources = [spec?.source, ...(Array.isArray(spec?.sources) ? spec.sources : [])].map(asRecord);
  const paths: string[] = [];
  for (const source of sources) {
    const path = source?.path;
    const repoURL = source?.repoURL;
    // A path with parameters is left out by resolveSourcePath.
    if (typeof path !== 'string') continue;
    // A templated repository may be this one; a literal one must be.
    if (typeof repoURL === 'string' && !repoURL.includes('{{') && !isWorkspaceRepository(repoURL)) continue;
    paths.push(path);
  }
  return paths;
}
