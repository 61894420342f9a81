// kustomize/deprecated-field: Kustomize v5 deprecates `bases`, `patchesStrategicMerge`, `patchesJson6902` and
// `commonLabels`; `kustomize edit fix` rewrites them as `resources`, `patches` and `labels` (with includeSelectors,
// which keeps commonLabels' behaviour). Argo CD bundles kustomize v5, which still builds them but warns.

import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { KUSTOMIZATION_FILENAMES } from '../kustomize';
import { nodeSpan } from '../model/readObjects';
import type { ParsedFile } from '../parse/parseYamlFile';
import { basenameOf } from '../paths';
import type { Finding } from '../types';
import { finding, fix } from './support/findings';
import { moveToField } from './support/kustomizationEdits';
import type { Rule } from './ruleTypes';
import { lookupTable } from '../ownKeys';

interface Replacement {
  target: string;
  /** The entries of the new field, or undefined when they cannot be converted mechanically. */
  convert(value: unknown): unknown[] | undefined;
}

const REPLACEMENTS: Readonly<Record<string, Replacement>> = lookupTable({
  bases: { target: 'resources', convert: (v) => (Array.isArray(v) && v.every((i) => typeof i === 'string') ? v : undefined) },
  patchesStrategicMerge: {
    target: 'patches',
    convert: (v) =>
      Array.isArray(v) && v.every((i) => typeof i === 'string') ? v.map((i: string) => (i.includes('\n') ? { patch: i } : { path: i })) : undefined,
  },
  patchesjson6902: {
    target: 'patches',
    convert: (v) => (Array.isArray(v) && v.every((i) => i !== null && typeof i === 'object' && 'target' in i) ? v : undefined),
  },
  commonLabels: {
    target: 'labels',
    convert: (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? [{ pairs: v, includeSelectors: true }] : undefined),
  },
});

export const kustomizeDeprecatedField: Rule = {
  code: 'kustomize/deprecated-field',
  severity: 'hint',
  title: 'A deprecated kustomization field (bases, patchesStrategicMerge, patchesJson6902, commonLabels).',
  appliesToFile: (path) => KUSTOMIZATION_FILENAMES.includes(basenameOf(path)),
  checkFile(file: ParsedFile) {
    const root = file.documents[0]?.doc.contents;
    if (!isMap(root) || file.templated) return [];
    const findings: Finding[] = [];
    for (const pair of (root as YAMLMap).items as Pair[]) {
      if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
      const field = pair.key.value;
      // Kustomize accepts both spellings patchesJson6902 and patchesJSON6902.
      const replacement = REPLACEMENTS[/^patchesjson6902$/i.test(field) ? 'patchesjson6902' : field];
      if (!replacement) continue;
      const value = isSeq(pair.value) || isMap(pair.value) ? pair.value.toJSON() : undefined;
      const items = replacement.convert(value);
      const edits = items ? moveToField(file.path, file.text, root as YAMLMap, pair, replacement.target, items) : undefined;
      const message = `\`${field}\` is deprecated in Kustomize v5: Argo CD still builds it, with a warning. Use \`${replacement.target}\`.`;
      const detail =
        `\`${field}\` is deprecated in Kustomize v5 (the version Argo CD bundles): it still builds but warns, and may be removed. ` +
        `Use \`${replacement.target}\` instead${field === 'commonLabels' ? ' (with includeSelectors: true to keep the same selectors)' : ''}.`;
      findings.push(
        finding(this, { file: file.path, span: nodeSpan(pair.key) }, message, { detail,
          fixes: [edits ? fix(`Move to ${replacement.target} (as kustomize edit fix does)`, edits, true) : undefined],
        }),
      );
    }
    return findings;
  },
};
