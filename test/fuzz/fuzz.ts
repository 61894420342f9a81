// The fuzzer: `npm run fuzz -- --iterations N --seed S [--only I] [--keep] [--no-corpus]`.
// Input I of a run with seed S is rebuilt exactly by `--seed S --only I`. Inputs run in a child process so
// that a hang is caught: the parent reports the input and stops the child when one runs past the time limit.

import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';
import { inputSeed } from './prng';
import { runInput, TIME_LIMIT_MS } from './runInput';
import { listSeedFolders, seedRoots } from './seedPool';

interface Job {
  seed: number;
  from: number;
  to: number;
  keep: boolean;
  corpus: boolean;
}

type Message = { type: 'start'; index: number } | { type: 'fail'; index: number; problem: string; origin: string; kept?: string } | { type: 'done'; slowest: number };

/** Wall time after which an input counts as hung (generous: the machine may be shared). */
const HANG_MS = TIME_LIMIT_MS * 6;

function work(job: Job): void {
  const folders = listSeedFolders(seedRoots(job.corpus));
  let slowest = 0;
  // A process warning (a library writing to stderr) is a failure too: the server and CLI must stay quiet.
  const warnings: string[] = [];
  // Recorded synchronously (the 'warning' event would only fire after the whole loop).
  process.emitWarning = ((warning: string | Error) => {
    warnings.push(typeof warning === 'string' ? warning : `${warning.name}: ${warning.message}`);
  }) as typeof process.emitWarning;
  for (let index = job.from; index < job.to; index++) {
    process.send?.({ type: 'start', index } satisfies Message);
    warnings.length = 0;
    const result = runInput(inputSeed(job.seed, index), folders, job.keep);
    slowest = Math.max(slowest, result.ms);
    if (result.ok && warnings.length > 0) Object.assign(result, { ok: false, problem: `printed a process warning: ${warnings[0]}` });
    if (!result.ok) process.send?.({ type: 'fail', index, problem: result.problem ?? '', origin: result.origin, kept: result.kept } satisfies Message);
  }
  process.send?.({ type: 'done', slowest } satisfies Message);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      iterations: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-corpus': { type: 'boolean', default: false },
    },
  });
  const seed = Number(values.seed);
  const only = values.only === undefined ? undefined : Number(values.only);
  const job: Job = {
    seed,
    from: only ?? 0,
    to: only === undefined ? Number(values.iterations) : only + 1,
    keep: values.keep ?? false,
    corpus: !values['no-corpus'],
  };
  if (!Number.isInteger(seed) || !Number.isInteger(job.to) || job.to < job.from) {
    console.error('usage: npm run fuzz -- --iterations N --seed S [--only I] [--keep] [--no-corpus]');
    process.exit(2);
  }
  // The child runs this same TypeScript file, so it needs tsx's loader too.
  const worker = fork(__filename, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, SYNCPLAN_FUZZ_JOB: JSON.stringify(job) } });
  let current = -1;
  let startedAt = Date.now();
  let failures = 0;
  const began = Date.now();
  const watchdog = setInterval(() => {
    if (current >= 0 && Date.now() - startedAt > HANG_MS) {
      console.log(`FAIL input ${current} (reproduce: npm run fuzz -- --seed ${seed} --only ${current}): still running after ${HANG_MS} ms, stopped`);
      worker.kill('SIGKILL');
      process.exit(1);
    }
  }, 1000);
  worker.on('message', (message: Message) => {
    if (message.type === 'start') {
      current = message.index;
      startedAt = Date.now();
      if (message.index > job.from && message.index % 1000 === 0) console.log(`... ${message.index - job.from} inputs, ${failures} failures`);
    } else if (message.type === 'fail') {
      failures++;
      console.log(`FAIL input ${message.index} (reproduce: npm run fuzz -- --seed ${seed} --only ${message.index}) from ${message.origin}${message.kept ? `, kept in ${message.kept}` : ''}\n  ${message.problem.split('\n').slice(0, 8).join('\n  ')}`);
    } else {
      clearInterval(watchdog);
      const seconds = ((Date.now() - began) / 1000).toFixed(1);
      console.log(`${job.to - job.from} inputs, seed ${seed}: ${failures} failures in ${seconds} s (slowest input ${Math.round(message.slowest)} ms)`);
      process.exitCode = failures > 0 ? 1 : 0;
      worker.disconnect();
    }
  });
  worker.on('exit', (code, signal) => {
    if (code === 0) return;
    console.log(`FAIL input ${current} (reproduce: npm run fuzz -- --seed ${seed} --only ${current}): the analysis process died (${signal ?? `exit ${code}`})`);
    process.exit(1);
  });
}

const CHILD_JOB = process.env.SYNCPLAN_FUZZ_JOB;
if (CHILD_JOB) work(JSON.parse(CHILD_JOB) as Job);
else main();
