// Rules that look at the health checks configured anywhere in the workspace read them as one fact
// (RuleContext.healthChecks): their kept results survive edits that change no health check, and an edit that
// adds one anywhere makes them run again.

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import { AnalysisMemo } from '../../../server/src/core/incremental/analysisMemo';
import { IncrementalParseCache } from '../../../server/src/lsp/incrementalParseCache';
import { MemoryWorkspace, memoryHost } from '../../helpers/memoryHost';

const ROOT = '/w';
const CHILDREN = `${ROOT}/apps/children.yaml`;
const WIDGETS = `${ROOT}/widgets/all.yaml`;
const OTHER = `${ROOT}/config/cm.yaml`;

const child = (name: string, wave: number): string => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
  annotations:
    argocd.argoproj.io/sync-wave: "${wave}"
spec:
  project: default
  source:
    repoURL: https://example.com/repo.git
    path: ${name}
  destination:
    server: https://kubernetes.default.svc
    namespace: ${name}
`;

const WIDGET_WAVES = `apiVersion: widgets.example.com/v1
kind: Widget
metadata:
  name: web
  annotations:
    argocd.argoproj.io/sync-wave: "0"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: after
  annotations:
    argocd.argoproj.io/sync-wave: "1"
`;

const PLAIN_CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n';
const ARGOCD_CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: argocd-cm
data:
  resource.customizations.health.argoproj.io_Application: |
    hs = {}
    hs.status = "Healthy"
    return hs
  resource.customizations.health.widgets.example.com_Widget: |
    hs = {}
    hs.status = "Healthy"
    return hs
`;

const HEALTH_CODES = ['app-of-apps/no-application-health', 'wave/no-health-gate'];
const codes = (findings: readonly { code: string }[]): string[] => findings.map((f) => f.code).filter((c) => HEALTH_CODES.includes(c)).sort();

describe('core: workspace health checks as a rule fact', () => {
  it('keeps app rule results over unrelated edits and runs them again when a health check appears', () => {
    const host = new MemoryWorkspace(new Map([[CHILDREN, `${child('one', 0)}---\n${child('two', 1)}`], [WIDGETS, WIDGET_WAVES], [OTHER, PLAIN_CM]]));
    const memo = new AnalysisMemo({ reportsPathChanges: true, reportsFileChanges: true });
    const cache = new IncrementalParseCache();
    const analyze = () => analyzeWorkspace(host, ROOT, { cache, memo });
    assert.deepEqual(codes(analyze().findings), HEALTH_CODES, 'both rules find their wave without health checks');

    host.files.set(OTHER, PLAIN_CM.replace('"1"', '"2"'));
    memo.filesChanged([OTHER]);
    const unrelated = analyze();
    assert.deepEqual(codes(unrelated.findings), HEALTH_CODES);
    const appRules = memo.stats.queries['app rules'];
    assert.equal(appRules.computed, 1, 'only the edited folder app runs its app rules again');
    assert.equal(appRules.reused, unrelated.apps.length - 1);

    host.files.set(OTHER, ARGOCD_CM);
    memo.filesChanged([OTHER]);
    const configured = analyze();
    assert.deepEqual(codes(configured.findings), [], 'health checks for Applications and Widgets silence both rules');
    assert.deepEqual(configured.findings.map((f) => [f.file, f.code, f.message]).sort(), analyzeWorkspace(host, ROOT).findings.map((f) => [f.file, f.code, f.message]).sort());
  });

  it('are facts of each file taken again only for the files reported changed (AnalysisMemo.fileFacts)', () => {
    const memo = new AnalysisMemo({ reportsPathChanges: true, reportsFileChanges: true });
    const texts = new Map([['/w/a.yaml', 'a'], ['/w/b.yaml', 'b']]);
    const files = [...texts.keys()];
    const computed: string[] = [];
    const run = (): string[] => {
      memo.begin(memoryHost({}), files);
      const values = [...memo.fileFacts('upper', files, (f) => texts.get(f), (text) => (computed.push(text), text.toUpperCase()))];
      memo.end();
      return values;
    };
    assert.deepEqual(run(), ['A', 'B']);
    assert.deepEqual(computed.splice(0), ['a', 'b']);
    texts.set('/w/b.yaml', 'bb');
    memo.filesChanged(['/w/b.yaml']);
    assert.deepEqual(run(), ['A', 'BB']);
    assert.deepEqual(computed.splice(0), ['bb'], 'only the reported file');
    memo.everythingMayHaveChanged();
    assert.deepEqual(run(), ['A', 'BB']);
    assert.deepEqual(computed.splice(0), ['a', 'bb'], 'anything unreported: every file');
  });
});
