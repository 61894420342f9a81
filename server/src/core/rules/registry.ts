// Every rule SyncPlan runs, in documentation order.

import { annotationInLabels } from './annotation-in-labels';
import { annotationNotString } from './annotation-not-string';
import { annotationUnknownKey } from './annotation-unknown-key';
import { annotationWrongKind } from './annotation-wrong-kind';
import { appGlobMatchesNothing } from './app-glob-matches-nothing';
import { appMissingPath } from './app-missing-path';
import { appNotDeployed } from './app-not-deployed';
import { appOfAppsNoApplicationHealth } from './app-of-apps-no-application-health';
import { appOnlyHooks } from './app-only-hooks';
import { appSourceType } from './app-source-type';
import { compareOptionsMisplaced } from './compare-options-misplaced';
import { compareOptionsUnknown } from './compare-options-unknown';
import { helmUnsupportedHook } from './helm-unsupported-hook';
import { hookDeletePolicyUnknown } from './hook-delete-policy-unknown';
import { hookDeletePolicyWithoutHook } from './hook-delete-policy-without-hook';
import { hookGenerateNameAccumulates } from './hook-generate-name-accumulates';
import { hookNamedNotRecreated } from './hook-named-not-recreated';
import { hookPostsyncCleanupOnFailure } from './hook-postsync-cleanup-on-failure';
import { hookSkipCombined } from './hook-skip-combined';
import { hookSyncfailWaves } from './hook-syncfail-waves';
import { hookWaveCrossesPhase } from './hook-wave-crosses-phase';
import { hookUnknownType } from './hook-unknown-type';
import { jobImmutableSyncJob } from './job-immutable-sync-job';
import { k8sShellSyntax } from './k8s-shell-syntax';
import { kustomizeDeprecatedField } from './kustomize-deprecated-field';
import { kustomizeMissingResource } from './kustomize-missing-resource';
import { kustomizeOutsideRoot } from './kustomize-outside-root';
import { orderDependencyLater } from './order-dependency-later';
import { orderPvcBeforeConsumer } from './order-pvc-before-consumer';
import { resourceDuplicate } from './resource-duplicate';
import type { Rule } from './ruleTypes';
import { syncOptionsAppOnly } from './sync-options-app-only';
import { syncOptionsResourceOnly } from './sync-options-resource-only';
import { syncOptionsUnknown } from './sync-options-unknown';
import { waveNoHealthGate } from './wave-no-health-gate';
import { waveNotInteger } from './wave-not-integer';

export const ALL_RULES: readonly Rule[] = [
  // Annotation values
  annotationNotString,
  waveNotInteger,
  waveNoHealthGate,
  hookUnknownType,
  hookSkipCombined,
  hookDeletePolicyUnknown,
  hookDeletePolicyWithoutHook,
  helmUnsupportedHook,
  syncOptionsUnknown,
  syncOptionsAppOnly,
  syncOptionsResourceOnly,
  compareOptionsUnknown,
  compareOptionsMisplaced,
  annotationUnknownKey,
  annotationWrongKind,
  annotationInLabels,
  // Order and phase
  orderDependencyLater,
  orderPvcBeforeConsumer,
  jobImmutableSyncJob,
  hookNamedNotRecreated,
  hookGenerateNameAccumulates,
  hookPostsyncCleanupOnFailure,
  hookSyncfailWaves,
  hookWaveCrossesPhase,
  appOnlyHooks,
  appOfAppsNoApplicationHealth,
  appMissingPath,
  appGlobMatchesNothing,
  appNotDeployed,
  appSourceType,
  resourceDuplicate,
  k8sShellSyntax,
  // Kustomize (outside-root and missing-resource are reported by the renderer)
  kustomizeOutsideRoot,
  kustomizeMissingResource,
  kustomizeDeprecatedField,
];
