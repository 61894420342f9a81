// The "Add sync-wave" source action: inserts the annotation, creating `annotations:` when absent.

import { SYNC_WAVE } from '../core/catalogue/keys';
import type { K8sObject } from '../core/model/k8sObject';
import { addAnnotationsEdit } from '../core/rules/support/annotationEdits';
import type { TextEdit } from '../core/types';

/** The edit that adds `argocd.argoproj.io/sync-wave: "<wave>"` to the object, or undefined when its metadata is not a block map. */
export function addSyncWaveEdit(text: string, object: K8sObject, wave: number): TextEdit | undefined {
  return addAnnotationsEdit(text, object, [`${SYNC_WAVE}: "${wave}"`]);
}
