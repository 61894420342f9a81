// app/missing-path: Argo CD's repo server fails an Application whose source.path is not a directory of its
// repository ("app path does not exist"), so nothing of it syncs. Reported only when the Application's
// repoURL is known to be this workspace's repository (.git remotes or .syncplan.yaml repositories).

import { isMap, type Node } from 'yaml';
import { readApplication } from '../discover/readApplication';
import { isWorkspaceRepository, readWorkspaceRepository } from '../discover/workspaceRepository';
import { isApplication } from '../model/k8sObject';
import { nodeSpan } from '../model/readObjects';
import { dirnameOf, joinPath, normalizePath } from '../paths';
import { anchorOf, finding } from './support/findings';
import type { Rule } from './ruleTypes';
import type { FileHost } from '../types';

export const appMissingPath: Rule = {
  code: 'app/missing-path',
  severity: 'error',
  title: 'An Application whose source.path does not exist in this repository: Argo CD fails with "app path does not exist".',
  checkObject(object, context) {
    // The object is looked at first, so results for other objects can be kept between analyses (see ruleMemo).
    if (!isApplication(object) || object.source.templated) return [];
    const host = context.host;
    if (!host) return [];
    const repository = repositoryOf(host, context.root);
    if (repository.urls.length === 0) return [];
    const spec = object.body.spec as Record<string, unknown> | undefined;
    const written = spec && typeof spec === 'object' && spec.source ? [['spec', 'source']] : [];
    const findings = [];
    for (const [index, ref] of readApplication(object).sources.entries()) {
      if (!ref.path || ref.chart || !ref.repoURL || !isWorkspaceRepository(repository, ref.repoURL)) continue;
      if (ref.path.includes('{{') || pathExists(context.workspace.root, ref.path, (p) => host.readDir(p) !== undefined)) continue;
      const nodePath = written.length > 0 ? ['spec', 'source', 'path'] : ['spec', 'sources', index, 'path'];
      const root = object.source.node;
      const node = isMap(root) ? (root.getIn(nodePath, true) as Node | undefined) : undefined;
      const at = node ? { file: object.source.file, span: nodeSpan(node) } : anchorOf(object);
      const message = `Source path "${ref.path}" does not exist, so Argo CD cannot generate manifests and syncs nothing.`;
      const detail = `Application ${object.name}: source path "${ref.path}" does not exist in this repository. Argo CD fails to generate its manifests ("app path does not exist"), so nothing of it syncs.`;
      findings.push(finding(this, at, message, { detail }));
    }
    return findings;
  },
};

/** The workspace's repository, read once per host (the analysis makes one per run) and root. */
function repositoryOf(host: FileHost, root: string): ReturnType<typeof readWorkspaceRepository> {
  let byRoot = repositories.get(host);
  if (!byRoot) repositories.set(host, (byRoot = new Map()));
  let repository = byRoot.get(root);
  if (!repository) byRoot.set(root, (repository = readWorkspaceRepository(host, root)));
  return repository;
}

const repositories = new WeakMap<FileHost, Map<string, ReturnType<typeof readWorkspaceRepository>>>();

/** source.path is relative to the repository root, which may be the workspace root or one of its parents. */
function pathExists(root: string, sourcePath: string, isDir: (path: string) => boolean): boolean {
  let base = root;
  for (;;) {
    if (isDir(normalizePath(joinPath(base, sourcePath)).replace(/(.)\/$/, '$1'))) return true;
    const parent = dirnameOf(base);
    if (parent === base) return false;
    base = parent;
  }
}
