// Finds the applications of a workspace: folders that Argo CD Applications point at, then every
// Kustomize root, Helm chart and folder of plain manifests that no Application claims.

import { findKustomizationFile, type KustomizeResult } from '../kustomize';
import { isApplication, type K8sObject } from '../model/k8sObject';
import { basenameOf, dirnameOf, isInside, joinPath, normalizePath, relativePath } from '../paths';
import type { FileHost } from '../types';
import type { ParseCache } from '../workspaceFiles';
import type { AppSource, SourceType } from './appTypes';
import { readApplication } from './readApplication';
import { directoryFiles } from './renderSource';
import { isWorkspaceRepository, readWorkspaceRepository, type WorkspaceRepository } from './workspaceRepository';

export interface DiscoveryInput {
  host: FileHost;
  root: string;
  files: readonly string[];
  objectsByFile: ReadonlyMap<string, K8sObject[]>;
  cache: ParseCache;
  kustomize: boolean;
  /** Renders a Kustomize folder once per analysis. */
  renderKustomize: (dir: string) => KustomizeResult;
}

export function discoverApplications(input: DiscoveryInput): AppSource[] {
  const all = applicationSources(input, readWorkspaceRepository(input.host, input.root));
  const fromApplications = all.filter((s) => s.externalRepository === undefined);
  const claimed = new Set<string>();
  for (const source of fromApplications) {
    if (source.sourceType === 'directory') for (const f of directoryFiles(source, input.files)) claimed.add(f);
    else claimed.add(source.path);
  }
  const standalone = standaloneSources(input, fromApplications, claimed);
  markChartDefinedTargets(input, standalone);
  if (fromApplications.length > 0) markNotDeployed(input, standalone);
  return [...all, ...standalone];
}

/**
 * When the workspace has Applications, a standalone folder is not deployed by any of them, unless it holds
 * Applications itself (the root of an app-of-apps, applied by hand) or a chart's Application points at it.
 */
function markNotDeployed(input: DiscoveryInput, standalone: AppSource[]): void {
  const rootFolders = new Set<string>();
  for (const [file, objects] of input.objectsByFile) if (objects.some(isApplication)) rootFolders.add(dirnameOf(file));
  for (const source of standalone) {
    if (source.sourceType === 'directory' && rootFolders.has(source.path)) continue;
    if (source.pendingReasons?.length) continue;
    source.notDeployed = true;
  }
}

/**
 * An Application written in a Helm template is only known once the chart is rendered, so the folder it points at
 * is planned on its own, without the Application's options (CreateNamespace, directory recurse, destination).
 */
function markChartDefinedTargets(input: DiscoveryInput, standalone: AppSource[]): void {
  for (const [file, objects] of input.objectsByFile) {
    for (const object of objects) {
      if (!isApplication(object) || !object.source.templated) continue;
      for (const ref of readApplication(object).sources) {
        const folder = ref.path ? resolveSourcePath(input, ref.path) : undefined;
        const target = folder ? standalone.find((s) => s.path === folder) : undefined;
        if (!target) continue;
        const reason = `Application ${object.name || '(templated name)'} in the Helm template ${relativePath(input.root, file)} points at this folder. It is only known once the chart is rendered, so this plan lacks its options (destination namespace, CreateNamespace, directory recurse and globs, sync options).`;
        target.pendingReasons = [...(target.pendingReasons ?? []), reason];
      }
    }
  }
}

function applicationSources(input: DiscoveryInput, repository: WorkspaceRepository): AppSource[] {
  const sources: AppSource[] = [];
  for (const [file, objects] of input.objectsByFile) {
    for (const object of objects) {
      if (!isApplication(object) || object.source.templated) continue;
      const info = readApplication(object);
      info.sources.forEach((ref, index) => {
        if (!ref.path) return;
        const id = `application:${relativePath(input.root, file)}#${object.source.docIndex}:${index}`;
        const name = info.sources.length > 1 ? `${info.name} [${index}]` : info.name;
        if (!isWorkspaceRepository(repository, ref.repoURL)) {
          // Another repository: a folder of the same path here is not what Argo CD syncs.
          sources.push({ id, name, path: dirnameOf(file), sourceType: 'directory', definedBy: object, syncOptions: info.syncOptions, externalRepository: ref.repoURL });
          return;
        }
        const folder = resolveSourcePath(input, ref.path);
        if (!folder) return;
        sources.push({
          id,
          name,
          path: folder,
          sourceType: ref.explicitTypes.length === 1 ? ref.explicitTypes[0].type : detectSourceType(input, folder),
          explicitTypes: ref.explicitTypes,
          definedBy: object,
          destinationNamespace: info.destinationNamespace,
          syncOptions: info.syncOptions,
          directory: ref.directory,
          kustomizeOverrides: ref.kustomize,
        });
      });
    }
  }
  return sources;
}

/** `source.path` is relative to the repository root; try the workspace root and its parents, keep folders inside the workspace. */
function resolveSourcePath(input: DiscoveryInput, sourcePath: string): string | undefined {
  if (sourcePath.includes('{{') || /^[a-z]+:\/\//i.test(sourcePath)) return undefined;
  let base = input.root;
  for (;;) {
    const candidate = normalizePath(joinPath(base, sourcePath)).replace(/\/$/, '');
    if (isInside(input.root, candidate) && input.host.readDir(candidate) !== undefined) return candidate;
    const parent = dirnameOf(base);
    if (parent === base) return undefined;
    base = parent;
  }
}

function detectSourceType(input: DiscoveryInput, folder: string): SourceType {
  if (input.kustomize && findKustomizationFile(input.host, folder)) return 'kustomize';
  if (input.host.readFile(joinPath(folder, 'Chart.yaml')) !== undefined) return 'helm';
  return 'directory';
}

function standaloneSources(input: DiscoveryInput, pointed: AppSource[], claimed: Set<string>): AppSource[] {
  // A folder an Application points at is that Application's, whatever type it sets (directory: over a kustomization).
  const pointedFolders = new Set(pointed.flatMap((s) => ['directory', 'kustomize', 'helm'].map((type) => `${type}:${s.path}`)));
  const chartDirs = input.files.filter((f) => basenameOf(f) === 'Chart.yaml').map(dirnameOf);
  const kustomizeDirs = input.kustomize ? kustomizationDirs(input) : [];
  const result: AppSource[] = [];
  const claimedFiles = new Set(claimed);

  const referenced = new Set<string>();
  const refsOf = new Map<string, readonly string[]>();
  for (const dir of kustomizeDirs) {
    const render = input.renderKustomize(dir);
    refsOf.set(dir, render.referencedKustomizations);
    for (const ref of render.referencedKustomizations) referenced.add(ref);
    for (const f of render.filesRead) claimedFiles.add(f);
  }
  const covered = new Set<string>();
  const cover = (dir: string) => [dir, ...(refsOf.get(dir) ?? [])].forEach((d) => covered.add(d));
  for (const dir of kustomizeDirs) {
    if (pointedFolders.has(`kustomize:${dir}`)) cover(dir);
    if (referenced.has(dir) || pointedFolders.has(`kustomize:${dir}`) || insideAny(dir, chartDirs)) continue;
    result.push(standalone(input, dir, 'kustomize'));
    cover(dir);
  }
  // Kustomizations that only use each other (A uses B, B uses A) have no root; the first of each such group
  // becomes one, so its build reports the cycle instead of the folders silently vanishing.
  for (const dir of kustomizeDirs) {
    if (covered.has(dir) || insideAny(dir, chartDirs)) continue;
    result.push(standalone(input, dir, 'kustomize'));
    cover(dir);
  }
  for (const dir of chartDirs) {
    if (pointedFolders.has(`helm:${dir}`) || chartDirs.some((other) => other !== dir && isInside(joinPath(other, 'charts'), dir))) continue;
    result.push(standalone(input, dir, 'helm'));
  }
  for (const dir of plainManifestDirs(input, claimedFiles, kustomizeDirs, chartDirs)) {
    if (!pointedFolders.has(`directory:${dir}`)) result.push(standalone(input, dir, 'directory'));
  }
  return result;
}

function kustomizationDirs(input: DiscoveryInput): string[] {
  const dirs = new Set<string>();
  for (const file of input.files) {
    const dir = dirnameOf(file);
    if (findKustomizationFile(input.host, dir) === file) dirs.add(dir);
  }
  return [...dirs].sort();
}

/** Folders holding Kubernetes objects in files that no Application, Kustomization or chart uses. */
function plainManifestDirs(input: DiscoveryInput, claimed: Set<string>, kustomizeDirs: string[], chartDirs: string[]): string[] {
  const dirs = new Set<string>();
  for (const [file, objects] of input.objectsByFile) {
    if (objects.length === 0 || claimed.has(file)) continue;
    const dir = dirnameOf(file);
    if (kustomizeDirs.includes(dir) || insideAny(dir, chartDirs)) continue;
    dirs.add(dir);
  }
  return [...dirs].sort();
}

function insideAny(dir: string, parents: string[]): boolean {
  return parents.some((parent) => isInside(parent, dir));
}

function standalone(input: DiscoveryInput, dir: string, sourceType: SourceType): AppSource {
  const name = relativePath(input.root, dir);
  return { id: `${sourceType}:${name}`, name, path: dir, sourceType, syncOptions: [] };
}
