// app/not-deployed: when a workspace has Applications, a folder none of them reaches (directly, through
// app-of-apps, or as a Kustomize base) is usually a folder of alternatives or examples. SyncPlan still plans it,
// but cross-object rules such as resource/duplicate do not judge it; this note says so once per folder.

import { relativePath } from '../paths';
import { anchorOf, finding } from './support/findings';
import type { Rule } from './ruleTypes';

export const appNotDeployed: Rule = {
  code: 'app/not-deployed',
  severity: 'info',
  title: 'A folder no Application of the workspace deploys: planned on its own, not checked for duplicates.',
  checkApp(app, context) {
    if (!app.notDeployed || app.objects.length === 0) return [];
    const first = [...app.objects].sort((a, b) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : a.source.span.start - b.source.span.start))[0];
    const folder = relativePath(context.root, app.path) || '.';
    const message = 'No Application in this workspace deploys this folder, so Argo CD syncs none of it.';
    const detail =
      `No Application in this workspace deploys ${folder} (directly, through an app of apps, or as a Kustomize base), so Argo CD syncs none of it unless something outside the workspace points here. ` +
      `SyncPlan plans it on its own and does not check it for duplicate resources.`;
    return [finding(this, anchorOf(first), message, { detail })];
  },
};
