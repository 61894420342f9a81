// Facts about a discovered application that rules on whole applications need.

import { isMap } from 'yaml';
import type { AppAnalysis } from '../../discover/appTypes';
import { KUSTOMIZATION_FILENAMES } from '../../kustomize';
import { joinPath } from '../../paths';
import type { RuleContext } from '../ruleTypes';

/**
 * True when the app's root is a Kustomize Component: it cannot be built on its own and only contributes
 * objects to the kustomizations that include it, so app-wide conclusions do not apply to it.
 */
export function isKustomizeComponent(app: AppAnalysis, context: RuleContext): boolean {
  if (app.sourceType !== 'kustomize') return false;
  for (const name of KUSTOMIZATION_FILENAMES) {
    const root = context.parsedFile(joinPath(app.path, name))?.documents[0]?.doc.contents;
    if (isMap(root)) return (root.toJSON() as Record<string, unknown>).kind === 'Component';
  }
  return false;
}
