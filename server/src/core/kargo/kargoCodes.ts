// The finding codes of the Kargo pipeline checks, with their default severities.

import type { Severity } from '../types';

export interface KargoCodeInfo {
  code: string;
  severity: Severity;
  title: string;
}

export const KARGO_CODES = {
  unauthorizedStage: {
    code: 'kargo/unauthorized-stage',
    severity: 'error',
    title: 'An argocd-update step targets an Application whose kargo.akuity.io/authorized-stage annotation does not list the Stage: Kargo refuses to change it.',
  },
  unknownUpstream: {
    code: 'kargo/unknown-upstream',
    severity: 'error',
    title: 'A Stage requests Freight from an upstream Stage that does not exist in its Project: that Freight never becomes available.',
  },
  unknownWarehouse: {
    code: 'kargo/unknown-warehouse',
    severity: 'error',
    title: 'A Stage requests Freight from a Warehouse that does not exist in its Project: Kargo fails to list its Freight.',
  },
  cycle: {
    code: 'kargo/cycle',
    severity: 'error',
    title: 'Stages request Freight from each other in a loop: no Freight ever reaches them.',
  },
  authorizedStageMalformed: {
    code: 'kargo/authorized-stage-malformed',
    severity: 'error',
    title: 'A kargo.akuity.io/authorized-stage entry that is not <project>:<stage>, or a glob: Kargo cannot parse it and the promotion fails.',
  },
  noSource: {
    code: 'kargo/no-source',
    severity: 'error',
    title: 'A requestedFreight entry with neither direct: true nor upstream stages: the Stage can never get that Freight.',
  },
  matchUpstream: {
    code: 'kargo/match-upstream',
    severity: 'error',
    title: 'selectionPolicy MatchUpstream with direct: true or with other than exactly one upstream Stage: Kargo rejects the Stage.',
  },
  duplicateOrigin: {
    code: 'kargo/duplicate-origin',
    severity: 'error',
    title: 'A Stage requests Freight from the same origin twice: Kargo rejects the Stage.',
  },
  unknownTask: {
    code: 'kargo/unknown-task',
    severity: 'error',
    title: 'A promotion step uses a PromotionTask or ClusterPromotionTask the workspace does not declare: the promotion fails.',
  },
  projectOrder: {
    code: 'kargo/project-order',
    severity: 'error',
    title: 'A Stage, Warehouse, PromotionTask or ProjectConfig synced no later than its Project, which creates the namespace: it fails with "namespace not found".',
  },
  ephemeralAppNoRetry: {
    code: 'kargo/ephemeral-app-no-retry',
    severity: 'warning',
    title: 'argocd-update targets an Application a pull-request or SCM generator creates, without retry: it may not exist yet when the step runs.',
  },
  appNotInWorkspace: {
    code: 'kargo/app-not-in-workspace',
    severity: 'info',
    title: 'argocd-update targets an Application this workspace does not declare or generate: it may be created elsewhere.',
  },
  projectConfigName: {
    code: 'kargo/project-config-name',
    severity: 'error',
    title: 'A ProjectConfig whose name differs from its Project (namespace): Kargo rejects it, so its promotion policies never apply.',
  },
  invalidPromotionPolicy: {
    code: 'kargo/invalid-promotion-policy',
    severity: 'error',
    title: 'A promotion policy Kubernetes rejects (stage and stageSelector together or neither, a bad pattern, a Stage named twice): no Stage auto-promotes.',
  },
  policyUnknownStage: {
    code: 'kargo/policy-unknown-stage',
    severity: 'warning',
    title: 'A promotion policy whose stage name, pattern or label selector matches no Stage of the Project: it applies to nothing.',
  },
  legacyPromotionPolicies: {
    code: 'kargo/legacy-promotion-policies',
    severity: 'warning',
    title: 'Promotion policies in the deprecated Project.spec: Kargo moves them into a ProjectConfig and clears them from the Project.',
  },
} as const satisfies Record<string, KargoCodeInfo>;

export const KARGO_CODE_LIST: readonly KargoCodeInfo[] = Object.values(KARGO_CODES);
