// `syncplan`: prints Argo CD's sync plan and checks manifests for sync-wave and hook mistakes.

import { analyzeRoots, InputError, type RootAnalysis } from './runAnalysis';
import { tuneHeapForBatch } from './batchHeap';
import { chooseStyle } from './ansi';
import { COMMAND_USAGE, parseCliArgs, USAGE, UsageError, type CliOptions } from './args';
import { diagnosticRecords } from './diagnosticRecords';
import { formatCheckText } from './checkText';
import { formatPlanText } from './planText';
import { toSarif } from './sarif';
import { plural } from './plural';
import { formatCheckMarkdown, formatGithub, formatPlanMarkdown } from './ciFormats';
import { CONFIG_PROBLEM_CODE } from '../core/rules/projectConfigFindings';
import { buildPlanReport, type PlanReport } from '../core/report/planReport';

declare const SYNCPLAN_VERSION: string | undefined;
const VERSION = typeof SYNCPLAN_VERSION === 'string' ? SYNCPLAN_VERSION : '0.0.0-dev';

export function runCli(argv: string[]): number {
  let options: CliOptions;
  try {
    const parsed = parseCliArgs(argv);
    if (parsed === 'version') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if ('help' in parsed) {
      process.stdout.write(`${parsed.help === 'general' ? USAGE : COMMAND_USAGE[parsed.help]}\n`);
      return 0;
    }
    options = parsed;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`syncplan: ${error.message}\nRun "syncplan help" for usage.\n`);
      return 2;
    }
    throw error;
  }
  let roots: RootAnalysis[];
  try {
    roots = analyzeRoots(options);
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`syncplan: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  return options.command === 'plan' ? printPlan(options, roots) : printCheck(options, roots);
}

function printPlan(options: CliOptions, roots: RootAnalysis[]): number {
  // `plan` prints no findings, but a broken `.syncplan.yaml` changes what it reads (exclude), so it is said.
  for (const r of diagnosticRecords(roots)) if (r.code === CONFIG_PROBLEM_CODE) process.stderr.write(`syncplan: ${r.file}:${r.line}:${r.column}: ${r.message}\n`);
  const plans = roots.map(planOf);
  const report: PlanReport = {
    version: 1,
    apps: plans.flatMap((plan) => plan.apps),
    applicationSets: plans.flatMap((plan) => plan.applicationSets ?? []),
    kargo: plans.flatMap((plan) => plan.kargo ?? []),
  };
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (options.format === 'markdown') process.stdout.write(`${formatPlanMarkdown(report)}\n`);
  else process.stdout.write(`${formatPlanText(report, chooseStyle(process.stdout, options.color))}\n`);
  return 0;
}

function planOf(root: RootAnalysis): PlanReport {
  // Paths relative to the current directory, as in `check`, so several PATH arguments never make two files look alike.
  const report = buildPlanReport(root.workspace, process.cwd(), (path) => root.host.readFile(path));
  if (!root.onlyFile) return report;
  const file = root.onlyFile;
  return { ...report, apps: report.apps.filter((_, i) => root.workspace.apps[i].files.includes(file)) };
}

function printCheck(options: CliOptions, roots: RootAnalysis[]): number {
  const records = diagnosticRecords(roots);
  if (options.format === 'json') process.stdout.write(`${JSON.stringify({ version: 1, diagnostics: records }, null, 2)}\n`);
  else if (options.format === 'github') process.stdout.write(records.length > 0 ? `${formatGithub(records)}\n` : '');
  else if (options.format === 'markdown') process.stdout.write(`${formatCheckMarkdown(records)}\n`);
  else if (options.format === 'sarif') process.stdout.write(`${JSON.stringify(toSarif(records, VERSION), null, 2)}\n`);
  else process.stdout.write(`${formatCheckText(records, chooseStyle(process.stdout, options.color), options.verbose)}\n`);
  const warnings = records.filter((r) => r.severity === 'warning').length;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`syncplan: ${plural(warnings, 'warning')} found; --max-warnings allows ${options.maxWarnings}\n`);
    return 1;
  }
  return records.some((r) => r.severity === 'error') ? 1 : 0;
}

if (require.main === module) {
  tuneHeapForBatch();
  // A reader that stops early (`| head`) closes the pipe: stop writing quietly, as other command-line tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  try {
    process.exitCode = runCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`syncplan: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  }
}
