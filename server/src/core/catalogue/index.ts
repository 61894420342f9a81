export * from './types';
export { ANNOTATION_CATALOGUE } from './annotations';
export { SYNC_OPTIONS } from './syncOptions';
export * from './lookup';
