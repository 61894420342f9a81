// kustomize/missing-resource: a path in resources, components, patches or generators that does not exist makes
// `kustomize build` fail, so Argo CD shows a ComparisonError and cannot sync the app.
// The Kustomize renderer reports this while it loads files; this module carries the code's metadata.

import type { Rule } from './ruleTypes';

export const kustomizeMissingResource: Rule = {
  code: 'kustomize/missing-resource',
  severity: 'error',
  title: 'A kustomization names a file or folder that does not exist: the build fails.',
};
