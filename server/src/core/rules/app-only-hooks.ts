// app/only-hooks: hooks never count for sync status or health, so an application made only of hooks always looks
// Synced and automated sync never starts (semantics 3.3 and mistake 13; argo-cd issues #7237, #22694).

import { anchorOf, appLabel, finding } from './support/findings';
import { isKustomizeComponent } from './support/appFacts';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

export const appOnlyHooks: Rule = {
  code: 'app/only-hooks',
  severity: 'info',
  title: 'An application whose objects are all hooks: it never becomes OutOfSync, so automated sync never runs it.',
  checkApp(app, context) {
    // Only when every object is known: a partial render may hide ordinary resources.
    if (!app.complete || isKustomizeComponent(app, context)) return [];
    const tasks = [...app.plan.steps.flatMap((s) => s.tasks), ...app.plan.syncFail].filter((t) => !t.synthetic);
    if (tasks.length === 0 || tasks.some((t) => !t.hook)) return [];
    const hooks = [...new Map(tasks.map((t) => [t.object.id, t.object])).values()];
    const listed = hooks.slice(0, 3).map(label).join(', ') + (hooks.length > 3 ? `, and ${hooks.length - 3} more` : '');
    const message = 'This app holds only hooks, so Argo CD always shows it Synced and automated sync never runs them.';
    const detail =
      `${capitalize(appLabel(app))} contains only hooks (${listed}). Hooks never count for sync status, so Argo CD always shows it ` +
      `Synced and automated sync never starts; the hooks run only when someone syncs it by hand. Add an ordinary resource ` +
      `(for example a ConfigMap whose content changes with each release) if it should sync on every change.`;
    return [finding(this, anchorOf(app.definedBy ?? hooks[0]), message, { detail })];
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
