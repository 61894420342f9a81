import { APPLICATION_ANNOTATIONS, UI_ANNOTATIONS } from './appAnnotations';
import { HELM_ANNOTATIONS, KARGO_ANNOTATIONS } from './helmAnnotations';
import { LABELS, RESOURCE_ANNOTATIONS } from './otherAnnotations';
import { SYNC_ANNOTATIONS } from './syncAnnotations';
import type { CatalogueEntry } from './types';

/**
 * The annotation catalogue: every annotation and label SyncPlan knows about.
 * Completion, hover and lint rules read this table and nothing else.
 */
export const ANNOTATION_CATALOGUE: readonly CatalogueEntry[] = [
  ...SYNC_ANNOTATIONS,
  ...APPLICATION_ANNOTATIONS,
  ...RESOURCE_ANNOTATIONS,
  ...LABELS,
  ...HELM_ANNOTATIONS,
  ...KARGO_ANNOTATIONS,
  ...UI_ANNOTATIONS,
];
