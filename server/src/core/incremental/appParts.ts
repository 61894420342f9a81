// What an analysed app is made of, for keys that must change when any of it changes: the app as the analysis
// kept it (while its source, render and plan are the same) and its children, which are linked anew each time.

import type { AppAnalysis } from '../discover/appTypes';

export function appParts(app: AppAnalysis): unknown[] {
  return [kept.get(app) ?? app, app.children.join('\n')];
}

/** `app`, a copy of `base` with its own children: every other field is `base`'s. */
export function withSameParts(app: AppAnalysis, base: AppAnalysis): AppAnalysis {
  kept.set(app, base);
  return app;
}

const kept = new WeakMap<AppAnalysis, AppAnalysis>();
