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
} as const satisfies Record<string, AppSetCodeInfo>;

export const APPSET_CODE_LIST: readonly AppSetCodeInfo[] = Object.values(APPSET_CODES);
