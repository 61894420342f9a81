// Runs the built CLI (packages/cli/dist/cli.js) as a subprocess, the way CI pipelines call it.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
export const CLI = join(REPO_ROOT, 'packages', 'cli', 'dist', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = REPO_ROOT): CliRun {
  if (!existsSync(CLI)) throw new Error('packages/cli/dist/cli.js is missing: run `npm run build` first (npm test does).');
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function corpusRoot(): string | undefined {
  const candidates = [join(REPO_ROOT, '..', 'shared', 'corpus'), '/work/shared/corpus'];
  return candidates.find((c) => existsSync(c));
}
