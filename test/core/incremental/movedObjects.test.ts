// Objects after an edit in the same file are moved copies (the parse cache moves unchanged YAML documents): their
// kept rule results are reused with every place moved along, and equal those of a fresh analysis.

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import { AnalysisMemo } from '../../../server/src/core/incremental/analysisMemo';
import type { Finding } from '../../../server/src/core/types';
import { IncrementalParseCache } from '../../../server/src/lsp/incrementalParseCache';
import { fingerprintObjects } from '../../../server/src/core/incremental/fingerprint';
import type { K8sObject } from '../../../server/src/core/model/k8sObject';
import { movedFrom } from '../../../server/src/core/model/movedObjects';
import { classifyObject } from '../../../server/src/core/plan/classifyObject';
import { podDependencies } from '../../../server/src/core/rules/support/podDependencies';
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

  it('keep the slices their rules read, shifted where they are read, not copied', () => {
    const host = new MemoryWorkspace(new Map([[FILE, TEXT]]));
    const memo = new AnalysisMemo({ reportsPathChanges: true, reportsFileChanges: true });
    const cache = new IncrementalParseCache();
    analyzeWorkspace(host, ROOT, { cache, memo });
    const job = (): K8sObject => cache.objects(FILE, host.files.get(FILE) ?? '').find((o) => o.kind === 'Job') as K8sObject;
    const original = job();
    host.files.set(FILE, (host.files.get(FILE) ?? '').replace('name: first', 'name: first-config-map'));
    memo.filesChanged([FILE]);
    analyzeWorkspace(host, ROOT, { cache, memo });
    const copy = job();
    assert.equal(movedFrom(copy)?.from, original);
    const kept = memo.ruleResults.objects.get(copy);
    assert.ok(kept && kept.slices.length > 0, 'the Job\'s rules read slices');
    assert.equal(kept.slices, memo.ruleResults.objects.get(original)?.slices, 'the same slices, not moved copies');
    assert.deepEqual(kept.sliceShift, { file: FILE, delta: '-config-map'.length });
  });
});

describe('core: facts of a moved object\'s content', () => {
  it('are worked out once: a moved copy shares the classification and pod dependencies of the object it was moved from', () => {
    const cache = new IncrementalParseCache();
    const text = `${TEXT}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          envFrom:
            - configMapRef:
                name: first
`;
    const before = cache.objects(FILE, text);
    const after = cache.objects(FILE, `# a comment above\n${text}`.replace('# a comment above\napiVersion: v1', 'apiVersion: v1\n# a comment above'));
    const deployment = after.find((o) => o.kind === 'Deployment') as K8sObject;
    const original = movedFrom(deployment)?.from;
    assert.ok(original && before.includes(original), 'the Deployment is a moved copy');
    assert.ok(podDependencies(original).length > 0);
    const classified = classifyObject(original);
    assert.equal(podDependencies(deployment), podDependencies(original));
    assert.equal(classifyObject(deployment), classified);
  });
});

describe('core: rendered objects kept by fingerprint', () => {
  it('are not fingerprinted when an object moved in place (their places differ), and are when nothing moved', () => {
    const cache = new IncrementalParseCache();
    const memo = new AnalysisMemo();
    let fingerprints = 0;
    const counted = (objects: readonly K8sObject[]) => {
      fingerprints++;
      return fingerprintObjects(objects);
    };
    const first = cache.objects(FILE, TEXT);
    assert.equal(memo.sameObjects('app', { objects: first }, counted).objects, first);
    const moved = cache.objects(FILE, TEXT.replace('name: first', 'name: first-config-map'));
    assert.equal(memo.sameObjects('app', { objects: moved }, counted).objects, moved);
    assert.equal(fingerprints, 0, 'no render was compared in full');
    // The same objects again (a comment edited in another file): compared in full, and the kept ones are returned.
    const again = [...moved];
    assert.equal(memo.sameObjects('app', { objects: again }, counted).objects, moved);
    assert.equal(fingerprints, 2);
  });
});
