/** Documentation base URLs shared by the catalogue tables. */
export const ARGOCD_DOCS = 'https://argo-cd.readthedocs.io/en/stable/';
export const DOCS = {
  syncWaves: `${ARGOCD_DOCS}user-guide/sync-waves/`,
  syncOptions: `${ARGOCD_DOCS}user-guide/sync-options/`,
  compareOptions: `${ARGOCD_DOCS}user-guide/compare-options/`,
  annotations: `${ARGOCD_DOCS}user-guide/annotations-and-labels/`,
  helmHooks: `${ARGOCD_DOCS}user-guide/helm/#helm-hooks`,
  diffStrategies: `${ARGOCD_DOCS}user-guide/diff-strategies/`,
  manifestPaths: `${ARGOCD_DOCS}operator-manual/high_availability/#manifest-paths-annotation`,
  tracking: `${ARGOCD_DOCS}user-guide/resource_tracking/`,
  health: `${ARGOCD_DOCS}operator-manual/health/`,
  reconcile: `${ARGOCD_DOCS}operator-manual/reconcile/`,
  kargoAnnotations: 'https://docs.kargo.io/user-guide/reference-docs/annotations',
} as const;
