// kustomize/outside-root: Kustomize's default load restrictor (LoadRestrictionsRootOnly) refuses files outside the
// kustomization's own folder tree; Argo CD runs kustomize with that default, so manifest generation fails.
// The Kustomize renderer reports this while it loads files; this module carries the code's metadata.

import type { Rule } from './ruleTypes';

export const kustomizeOutsideRoot: Rule = {
  code: 'kustomize/outside-root',
  severity: 'error',
  title: 'A kustomization loads a file outside its own folder: kustomize (and so Argo CD) refuses to build it.',
};
