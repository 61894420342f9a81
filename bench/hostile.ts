// Benchmark: the hostile inputs of issue 7 item 6 each analyse in linear time. Every case is generated in a
// temporary folder, analysed once in process (what `syncplan check` runs), timed, and printed beside its target.
// Run: npx tsx bench/hostile.ts [CASE ...]   (cases: documents, unclosed, diamond, chain, annotations, annotations-kustomize,
// chart-cycle, apps-cycle, schema-regex, template-loop)

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeWorkspace } from '../server/src/core/analyzeWorkspace';
import { nodeFileHost } from '../server/src/workspace/nodeFileHost';
import { tuneHeapForBatch } from '../server/src/cli/batchHeap';

interface Case {
  name: string;
  what: string;
  targetMs: number;
  /** Writes the workspace into `root`. */
  write(root: string): void;
}

const DOCUMENTS = 100_000;
const UNCLOSED_BYTES = 1024 * 1024;
const DIAMOND_LEVELS = 24;
const CHAIN_LENGTH = Number(process.env.CHAIN ?? 1000);
const ANNOTATIONS = 20_000;
const CYCLIC_CHARTS = 8;
const SELF_RENDERED_APPS = 13;

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

function kustomization(resources: string[], extra = ''): string {
  return `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${extra}resources:\n${resources.map((r) => `  - ${r}\n`).join('')}`;
}

function configMap(name: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  key: value\n`;
}

const CASES: Case[] = [
  {
    name: 'documents',
    what: `one file of ${DOCUMENTS.toLocaleString('en')} documents`,
    targetMs: 10_000,
    write(root) {
      const docs: string[] = [];
      for (let i = 0; i < DOCUMENTS; i++) {
        // Short documents (every tenth with a wave), so the file stays under the default 10 MB size cap.
        const wave = i % 10 === 0 ? `, annotations: {argocd.argoproj.io/sync-wave: "${i % 7}"}` : '';
        docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}${wave}}\n`);
      }
      write(join(root, 'all.yaml'), docs.join('---\n'));
    },
  },
  {
    name: 'unclosed',
    what: '1 MiB of unclosed `{{` on one line',
    targetMs: 1_000,
    write(root) {
      write(join(root, 'templates', 'broken.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: ${'{{ '.repeat(UNCLOSED_BYTES / 3)}\n`);
    },
  },
  {
    name: 'braces',
    what: '1 MiB of `{{ a }}` actions: in a flow list, and in a plain string (read as written)',
    targetMs: 2_000,
    write(root) {
      // In a flow list `{` is an indicator, so the file is a template and must be masked without a second parse;
      // in a plain string the actions are text and the file is read as written once.
      const actions = '{{ a }} '.repeat(UNCLOSED_BYTES / 16);
      write(join(root, 'flow.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flow\ndata:\n  a: [x, y${actions}]\n`);
      write(join(root, 'plain.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: x ${actions}\n`);
    },
  },
  {
    name: 'diamond',
    what: `a ${DIAMOND_LEVELS}-level diamond of Kustomize bases (each level's two folders both use the next level's two)`,
    targetMs: 1_000,
    write(root) {
      write(join(root, 'kustomization.yaml'), kustomization(['l1a', 'l1b']));
      for (let level = 1; level <= DIAMOND_LEVELS; level++) {
        for (const side of ['a', 'b']) {
          const dir = join(root, `l${level}${side}`);
          if (level === DIAMOND_LEVELS) {
            write(join(dir, 'cm.yaml'), configMap(`bottom-${side}`));
            write(join(dir, 'kustomization.yaml'), kustomization(['cm.yaml']));
          } else {
            write(join(dir, 'kustomization.yaml'), kustomization([`../l${level + 1}a`, `../l${level + 1}b`]));
          }
        }
      }
    },
  },
  {
    name: 'chain',
    what: `a chain of ${CHAIN_LENGTH.toLocaleString('en')} Kustomize bases`,
    targetMs: 5_000,
    write(root) {
      write(join(root, 'kustomization.yaml'), kustomization(['c0']));
      for (let i = 0; i < CHAIN_LENGTH; i++) {
        const dir = join(root, `c${i}`);
        if (i === CHAIN_LENGTH - 1) {
          write(join(dir, 'cm.yaml'), configMap('end'));
          write(join(dir, 'kustomization.yaml'), kustomization(['cm.yaml']));
        } else {
          write(join(dir, 'kustomization.yaml'), kustomization([`../c${i + 1}`]));
        }
      }
    },
  },
  {
    name: 'annotations',
    what: `${ANNOTATIONS.toLocaleString('en')} annotations on one object`,
    targetMs: 1_000,
    write(root) {
      const lines: string[] = [];
      for (let i = 0; i < ANNOTATIONS; i++) lines.push(`    example.com/key-${i}: "${i}"`);
      write(join(root, 'many.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: many\n  annotations:\n${lines.join('\n')}\n`);
    },
  },
  {
    name: 'annotations-kustomize',
    what: `${ANNOTATIONS.toLocaleString('en')} unquoted-number annotations on one object, through a kustomization`,
    targetMs: 1_000,
    write(root) {
      const lines: string[] = [];
      for (let i = 0; i < ANNOTATIONS; i++) lines.push(`    example.com/key-${i}: ${i}`);
      write(join(root, 'many.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: many\n  annotations:\n${lines.join('\n')}\n`);
      write(join(root, 'kustomization.yaml'), kustomization(['many.yaml'], 'commonAnnotations:\n  team: a\n'));
    },
  },
  {
    name: 'chart-cycle',
    what: `${CYCLIC_CHARTS} charts, each with a file:// dependency on every other one`,
    targetMs: 1_000,
    write(root) {
      const names = Array.from({ length: CYCLIC_CHARTS }, (_, i) => `c${i}`);
      for (const name of names) {
        const deps = names.filter((n) => n !== name).map((n) => `  - {name: ${n}, version: 1.0.0, repository: "file://../${n}"}`);
        write(join(root, name, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\ndependencies:\n${deps.join('\n')}\n`);
        write(join(root, name, 'templates', 'cm.yaml'), configMap('{{ .Chart.Name }}'));
      }
    },
  },
  {
    name: 'schema-regex',
    what: 'a values.schema.json pattern that backtracks exponentially in JavaScript, against a 100,000-character value',
    targetMs: 1_000,
    write(root) {
      write(join(root, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: redos\nversion: 1.0.0\n');
      write(join(root, 'chart', 'values.yaml'), `name: ${'a'.repeat(100_000)}!\n`);
      write(join(root, 'chart', 'values.schema.json'), JSON.stringify({ properties: { name: { type: 'string', pattern: '^(a+)+$' } } }));
      write(join(root, 'chart', 'templates', 'cm.yaml'), configMap('redos'));
    },
  },
  {
    name: 'template-loop',
    what: 'a Helm template looping a billion rounds (stops at 20 million template steps)',
    targetMs: 3_000,
    write(root) {
      write(join(root, 'loop', 'Chart.yaml'), 'apiVersion: v2\nname: loop\nversion: 1.0.0\n');
      write(join(root, 'loop', 'templates', 'cm.yaml'), `${configMap('loop')}{{ range until 1000 }}{{ range until 1000 }}{{ range until 1000 }}{{ end }}{{ end }}{{ end }}\n`);
    },
  },
  {
    name: 'apps-cycle',
    what: `an app-of-apps chart rendering ${SELF_RENDERED_APPS} Applications that point back at it`,
    targetMs: 2_000,
    write(root) {
      const names = Array.from({ length: SELF_RENDERED_APPS }, (_, i) => `app${i}`);
      write(join(root, 'apps', 'Chart.yaml'), 'apiVersion: v2\nname: apps\nversion: 1.0.0\n');
      write(join(root, 'apps', 'values.yaml'), `apps: [${names.join(', ')}]\n`);
      const template = '{{- range .Values.apps }}\n---\napiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: {{ . }}, namespace: argocd}\nspec:\n  destination: {namespace: argocd}\n  source: {path: apps}\n{{- end }}\n';
      write(join(root, 'apps', 'templates', 'apps.yaml'), template);
    },
  },
];

function run(c: Case): boolean {
  const root = mkdtempSync(join(tmpdir(), `syncplan-hostile-${c.name}-`));
  try {
    c.write(root);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const workspace = analyzeWorkspace(nodeFileHost(), root);
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const objects = workspace.apps.reduce((n, app) => n + app.objects.length, 0);
    const errors = workspace.findings.filter((f) => f.severity === 'error').map((f) => f.code);
    const verdict = ms < c.targetMs ? 'ok' : 'OVER TARGET';
    // CPU time is printed too: on a shared machine the wall time also counts other processes' turns.
    console.log(`${c.name.padEnd(22)} ${ms.toFixed(0).padStart(7)} ms (cpu ${cpuMs.toFixed(0).padStart(6)} ms)  target < ${String(c.targetMs).padStart(6)} ms  ${verdict.padEnd(11)} ${c.what}`);
    console.log(`${''.padEnd(22)} ${workspace.apps.length} app(s), ${objects} object(s), errors: ${[...new Set(errors)].join(', ') || 'none'}`);
    return ms < c.targetMs;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** One small analysis first, so module loading and the first compilation are not counted in any case. */
function warmUp(): void {
  const root = mkdtempSync(join(tmpdir(), 'syncplan-hostile-warmup-'));
  try {
    write(join(root, 'base', 'kustomization.yaml'), kustomization(['cm.yaml']));
    write(join(root, 'base', 'cm.yaml'), configMap('warm'));
    write(join(root, 'overlay', 'kustomization.yaml'), kustomization(['../base'], 'namePrefix: x-\n'));
    write(join(root, 'chart', 'templates', 'cm.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n`);
    analyzeWorkspace(nodeFileHost(), root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const wanted = process.argv.slice(2);
const selected = wanted.length ? CASES.filter((c) => wanted.includes(c.name)) : CASES;
console.log(`SyncPlan hostile-input timings (one analysis each, in process; Node ${process.version})`);
// The same heap setting as `syncplan check`, whose analysis this measures.
tuneHeapForBatch();
warmUp();
const results = selected.map(run);
console.log(`${results.filter(Boolean).length} of ${results.length} within target`);
