// Objects after an edit in the same file are moved copies (the parse cache moves unchanged YAML documents): their
// kept rule results are reused with every place moved along, and equal those of a fresh analysis.

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import { AnalysisMemo } from '../../../server/src/core/incremental/analysisMemo';
import type { Finding } from '../../../server/src/core/types';
import { IncrementalParseCache } from '../../../server/src/lsp/incrementalParseCache';
import { MemoryWorkspace } from '../../helpers/memoryHost';

const ROOT = '/w';
const FILE = `${ROOT}/app/all.yaml`;

const TEXT = `apiVersion: v1
kind: ConfigMap
metadata:
  name: first
---
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    argocd.argoproj.io/sync-wave: 1
    argocd.argoproj.io/hook: PreSnyc
---
apiVersion: v1
kind: Secret
metadata:
  name: token
  labels:
    argocd.argoproj.io/sync-wave: "2"
`;

/** Findings as a user sees them: place, code, message, fixes' edits and related places. */
function shown(findings: readonly Finding[]): unknown[] {
  return findings.map((f) => [f.file, f.span, f.code, f.message, f.fixes?.map((x) => x.edits), f.related]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('core: rule results of moved objects', () => {
  it('are reused, moved, after an edit above them in the same file, and equal a fresh analysis', () => {
    const host = new MemoryWorkspace(new Map([[FILE, TEXT]]));
    const memo = new AnalysisMemo({ reportsPathChanges: true, reportsFileChanges: true });
    const cache = new IncrementalParseCache();
    const before = analyzeWorkspace(host, ROOT, { cache, memo });
    assert.ok(before.findings.some((f) => f.code === 'annotation/not-string' && f.fixes?.length), 'the Job has a finding with a fix to move along');
    for (const edit of [(t: string) => t.replace('name: first', 'name: first-config-map'), (t: string) => t.replace('name: first-config-map', 'name: f')]) {
      host.files.set(FILE, edit(host.files.get(FILE) ?? ''));
      memo.filesChanged([FILE]);
      const after = analyzeWorkspace(host, ROOT, { cache, memo });
      assert.deepEqual(shown(after.findings), shown(analyzeWorkspace(host, ROOT).findings));
      // The Job's rules read only slices of the file, so its results are kept and moved; the Secret's label fix reads
      // the whole file, and the edited ConfigMap is new, so those two run again.
      assert.deepEqual(memo.stats.queries['object rules'], { computed: 2, reused: 1 });
    }
  });
});
