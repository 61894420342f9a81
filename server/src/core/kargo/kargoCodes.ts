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
} as const satisfies Record<string, KargoCodeInfo>;

export const KARGO_CODE_LIST: readonly KargoCodeInfo[] = Object.values(KARGO_CODES);
