// What an analysed app is made of, for keys that must change when any of it changes: the app object (the analysis
// keeps it while its source, render and plan are the same) and its children, which are linked anew each time.

import type { AppAnalysis } from '../discover/appTypes';

export function appParts(app: AppAnalysis): unknown[] {
  // Apps are rebuilt whenever a field would change, except children (see analyzeApp).
  return [app, app.children.join('\n')];
}
