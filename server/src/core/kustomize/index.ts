// Placeholder until the native Kustomize renderer lands: finds kustomizations but renders nothing (marked incomplete).
import type { FileHost, Finding } from '../types';
import type { K8sObject } from '../model/k8sObject';
import type { ParsedFile } from '../parse/parseYamlFile';
import { joinPath } from '../paths';
export const KUSTOMIZATION_FILENAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
export function findKustomizationFile(host: FileHost, dir: string): string | undefined {
  return KUSTOMIZATION_FILENAMES.map((n) => joinPath(dir, n)).find((p) => host.readFile(p) !== undefined);
}
export interface KustomizeResult { objects: K8sObject[]; findings: Finding[]; complete: boolean; incompleteReasons: string[]; filesRead: string[]; referencedKustomizations: string[] }
export function renderKustomization(_h: FileHost, _d: string, _p?: (path: string, text: string) => ParsedFile): KustomizeResult {
  return { objects: [], findings: [], complete: false, incompleteReasons: ["Kustomize rendering is not available in this build."], filesRead: [], referencedKustomizations: [] };
}
