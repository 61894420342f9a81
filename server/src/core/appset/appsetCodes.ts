// The finding codes of ApplicationSet expansion, with their default severities.

import type { Severity } from '../types';

export interface AppSetCodeInfo {
  code: string;
  severity: Severity;
  title: string;
}

export const APPSET_CODES = {
  missingKey: {
    code: 'appset/missing-key',
    severity: 'error',
    title: 'A goTemplate field reads a parameter no generator sets: it renders "<no value>", or with missingkey=error the ApplicationSet fails.',
  },
  unresolvedPlaceholder: {
    code: 'appset/unresolved-placeholder',
    severity: 'warning',
    title: 'A fasttemplate placeholder names no string parameter: the generated Application keeps the literal {{...}} text.',
  },
  duplicateName: {
    code: 'appset/duplicate-name',
    severity: 'error',
    title: 'Two parameter sets render the same Application name: the controller rejects the whole ApplicationSet.',
  },
  emptyName: {
    code: 'appset/empty-name',
    severity: 'error',
    title: 'A parameter set renders an empty Application name: the controller cannot create that Application.',
  },
  generatorError: {
    code: 'appset/generator-error',
    severity: 'error',
    title: 'A generator or template the ApplicationSet controller fails on: it creates and updates no Application.',
  },
  notExpandable: {
    code: 'appset/not-expandable',
    severity: 'info',
    title: 'An ApplicationSet whose generators need a live system (SCM API, cluster resource, plugin, another repository): its Applications are not known offline.',
  },
  templateWaveIgnored: {
    code: 'appset/template-wave-ignored',
    severity: 'warning',
    title: 'A sync-wave in the ApplicationSet template orders nothing: generated Applications belong to no parent sync.',
  },
  waveOrdersCreationOnly: {
    code: 'appset/wave-orders-creation-only',
    severity: 'info',
    title: 'Waves on ApplicationSet objects only order their creation: the parent does not wait for the generated Applications to sync.',
  },
  appInNoStep: {
    code: 'rollingsync/app-in-no-step',
    severity: 'warning',
    title: 'A generated Application that no RollingSync step selects: it gets step -1 and RollingSync never syncs it.',
  },
  appInSeveralSteps: {
    code: 'rollingsync/app-in-several-steps',
    severity: 'warning',
    title: 'A generated Application that several RollingSync steps select: only the first one counts.',
  },
  invalidOperator: {
    code: 'rollingsync/invalid-operator',
    severity: 'error',
    title: 'A RollingSync matchExpression operator other than In or NotIn: the expression never selects an Application that has the label.',
  },
  emptyStep: {
    code: 'rollingsync/empty-step',
    severity: 'warning',
    title: 'A RollingSync step that selects no generated Application: it passes at once.',
  },
  maxUpdate: {
    code: 'rollingsync/max-update',
    severity: 'warning',
    title: 'A RollingSync maxUpdate of 0 (the step waits for manual syncs) or a value Argo CD cannot read.',
  },
  automatedIgnored: {
    code: 'rollingsync/automated-ignored',
    severity: 'warning',
    title: 'syncPolicy.automated in a RollingSync template: the controller turns it off on every generated Application.',
  },
  notEnabled: {
    code: 'rollingsync/not-enabled',
    severity: 'warning',
    title: 'A RollingSync strategy while the workspace argocd-cmd-params-cm does not enable progressive syncs: the strategy is ignored.',
  },
} as const satisfies Record<string, AppSetCodeInfo>;

export const APPSET_CODE_LIST: readonly AppSetCodeInfo[] = Object.values(APPSET_CODES);
