// app/source-type: Argo CD takes the source type from the Application when it sets one of kustomize, helm,
// directory or plugin (ApplicationSource.ExplicitType), instead of detecting it from the folder. Several of them make
// manifest generation fail ("multiple application sources defined"); `directory:` on a folder with a
// kustomization.yaml reads it as plain files, so the kustomization is never built.

import { basenameOf } from '../paths';
import { KUSTOMIZATION_FILENAMES } from '../kustomize';
import { finding } from './support/findings';
import type { Rule } from './ruleTypes';

export const appSourceType: Rule = {
  code: 'app/source-type',
  severity: 'warning',
  title: 'An Application whose explicit source type conflicts: several of helm/kustomize/directory/plugin, or directory: over a kustomization.',
  checkApp(app) {
    const types = app.explicitTypes ?? [];
    if (!app.definedBy || types.length === 0) return [];
    if (types.length > 1) {
      const names = types.map((t) => `${t.type}:`).join(', ');
      const message = `${names} in one source: Argo CD accepts one source type only, so this Application syncs nothing.`;
      const detail = `Application ${app.definedBy.name} sets ${names} in one source. Argo CD accepts only one source type and fails to generate manifests ("multiple application sources defined"), so nothing of it syncs. Keep the one that matches the folder.`;
      return [finding(this, types[1].location, message, { severity: 'error', detail, related: types.slice(0, 1).map((t) => ({ ...t.location, message: `${t.type}: is set here too` })) })];
    }
    const kustomization = app.files.find((f) => KUSTOMIZATION_FILENAMES.includes(basenameOf(f)));
    if (types[0].type !== 'directory' || !kustomization) return [];
    const message = `With directory:, Argo CD never runs kustomize build on this folder: ${basenameOf(kustomization)} is read as plain YAML.`;
    const detail =
      `Application ${app.definedBy.name} sets directory:, so Argo CD reads ${basenameOf(kustomization)} and the other files of the folder as plain manifests and never runs kustomize build: ` +
      `patches, generators and bases are ignored, and a kustomization that declares kind: Kustomization is sent to the cluster as an object it does not serve. Remove directory: (or use kustomize:) to build it.`;
    return [finding(this, types[0].location, message, { detail })];
  },
};
