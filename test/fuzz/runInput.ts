// Builds one fuzz input from its seed in a temporary folder and runs the analysis core on it in process.
// An input fails when the core throws, its result is not valid JSON, Object.prototype changes, or it takes
// longer than the time limit. Time is the process's CPU time, so a machine busy with other work does not make
// inputs fail; a true hang is caught by the parent process of `npm run fuzz`.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyzeWorkspace } from '../../server/src/core/analyzeWorkspace';
import { buildPlanReport } from '../../server/src/core/report/planReport';
import type { FileHost } from '../../server/src/core/types';
import { nodeFileHost } from '../../server/src/workspace/nodeFileHost';
import { memoryHost } from '../helpers/memoryHost';
import { pickMutation, type FuzzWorkspace } from './mutations';
import { Prng } from './prng';
import { loadSeedFolder } from './seedPool';

export const TIME_LIMIT_MS = 10_000;

export interface InputResult {
  ok: boolean;
  /** CPU milliseconds the analysis took. */
  ms: number;
  /** What went wrong, when not ok. */
  problem?: string;
  /** Where the input was built from, for the report. */
  origin: string;
  /** The folder, when kept for inspection. */
  kept?: string;
}

/** Creates the workspace of input `seed` from the seed folders (deterministic for the same folder list). */
export function buildInput(seed: number, seedFolders: readonly string[]): { workspace: FuzzWorkspace; origin: string } {
  const rng = new Prng(seed);
  const workspace: FuzzWorkspace = { files: new Map(), links: new Map(), fifos: [], exclude: [] };
  const origins: string[] = [];
  const parts = 1 + (rng.chance(0.3) ? 1 : 0);
  for (let p = 0; p < parts; p++) {
    const folder = loadSeedFolder(rng.pick(seedFolders));
    origins.push(folder.origin);
    const prefix = parts > 1 ? `part${p}/` : '';
    for (const [name, text] of folder.files) workspace.files.set(prefix + name, text);
  }
  const count = 1 + rng.int(6);
  for (let i = 0; i < count; i++) pickMutation(rng)(workspace, rng);
  return { workspace, origin: origins.join(' + ') };
}

function materialise(workspace: FuzzWorkspace, root: string): void {
  for (const [name, content] of workspace.files) {
    const path = join(root, name);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    } catch {
      // A later mutation may have made a file where a folder was wanted: that input just has fewer files.
    }
  }
  for (const [name, target] of workspace.links) {
    try {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      rmSync(join(root, name), { recursive: true, force: true });
      symlinkSync(target, join(root, name));
    } catch {
      // Same: the link is left out.
    }
  }
  for (const name of workspace.fifos) {
    try {
      rmSync(join(root, name), { recursive: true, force: true });
      execFileSync('mkfifo', [join(root, name)], { stdio: 'ignore' });
    } catch {
      // No mkfifo on this system.
    }
  }
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

function prototypeChanged(): boolean {
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== PROTOTYPE_KEYS || Object.getPrototypeOf(Object.prototype) !== null;
}

/** Inputs with links, pipes or other encodings need a real folder; the rest run in memory, which is faster. */
function needsDisk(workspace: FuzzWorkspace): boolean {
  return workspace.links.size > 0 || workspace.fifos.length > 0 || [...workspace.files.values()].some((c) => typeof c !== 'string');
}

function prepare(workspace: FuzzWorkspace, keep: boolean): { host: FileHost; root: string; cleanup: () => void } {
  if (!needsDisk(workspace) && !keep) {
    const files = Object.fromEntries([...workspace.files].map(([name, text]) => [`/ws/${name}`, text as string]));
    return { host: memoryHost(files), root: '/ws', cleanup: () => undefined };
  }
  const base = mkdtempSync(join(tmpdir(), 'syncplan-fuzz-'));
  const root = join(base, 'ws');
  mkdirSync(root);
  materialise(workspace, root);
  return { host: nodeFileHost(), root, cleanup: () => (keep ? undefined : rmSync(base, { recursive: true, force: true })) };
}

export function runInput(seed: number, seedFolders: readonly string[], keep = false): InputResult {
  const { workspace, origin } = buildInput(seed, seedFolders);
  const { host, root, cleanup } = prepare(workspace, keep);
  const started = process.cpuUsage();
  let problem: string | undefined;
  try {
    const analysis = analyzeWorkspace(host, root, { exclude: workspace.exclude });
    const report = buildPlanReport(analysis, root, (path) => host.readFile(path));
    JSON.parse(JSON.stringify({ report, findings: analysis.findings }));
    if (prototypeChanged()) problem = 'Object.prototype was changed';
    const raw = analysis.findings.find((f) => f.message.includes('[object Object]') || /Cannot read properties|is not a function|is not iterable/.test(f.message));
    if (raw) problem = `a message shows a raw JavaScript value or error: ${raw.code}: ${raw.message}`;
  } catch (error) {
    problem = `threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  }
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  if (!problem && ms > TIME_LIMIT_MS) problem = `took ${Math.round(ms)} ms of CPU time (limit ${TIME_LIMIT_MS} ms)`;
  cleanup();
  return { ok: problem === undefined, ms, problem, origin, kept: keep ? root : undefined };
}
