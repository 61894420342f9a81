// What an analysed app is made of, for keys that must change when any of it changes: every field's value as the
// analysis built it. Kept sources, renders and plans give the same objects again, so an unchanged app has the
// same parts; the list of children is built anew each time and so is compared by its ids.

import type { AppAnalysis } from '../discover/appTypes';

export function appParts(app: AppAnalysis): unknown[] {
  const parts: unknown[] = [];
  for (const key of Object.keys(app) as (keyof AppAnalysis)[]) parts.push(key, key === 'children' ? app.children.join('\n') : app[key]);
  return parts;
}
