// Command-line parsing for `syncplan plan|check|help [PATH...]`.

import { parseArgs } from 'node:util';
import { closestName } from './didYouMean';

export type Command = 'plan' | 'check';

export interface CliOptions {
  command: Command;
  paths: string[];
  format: 'text' | 'json' | 'sarif' | 'github' | 'markdown';
  config?: string;
  color?: boolean;
  exclude: string[];
  kustomize: boolean;
  /** `check` fails when more warnings than this are reported (ESLint's --max-warnings). */
  maxWarnings?: number;
  /** Files over this many bytes are skipped with a finding. */
  maxFileSize?: number;
  /** `check` text also prints each finding's explanation under its message. */
  verbose?: boolean;
}

export type ParsedArgs = CliOptions | { help: Command | 'general' } | 'version';

export class UsageError extends Error {}

const COMMON_OPTIONS = `  --exclude GLOB      leave out files or folders matching GLOB (repeatable)
  --no-kustomize      read kustomization folders as plain manifests
  --max-file-size BYTES  skip files larger than BYTES (default 10485760, 10 MB)
  --color/--no-color  force or disable colours
  -h, --help          show this help`;

export const USAGE = `Usage:
  syncplan plan  [PATH...] [options]   print the order in which Argo CD syncs each application
  syncplan check [PATH...] [options]   report sync-wave and hook mistakes
  syncplan help [COMMAND]              show help for a command
  syncplan --version                   print the SyncPlan version

Run "syncplan help plan" or "syncplan help check" for the options of each command.

Exit codes: check exits 1 when it reports an error-level finding (or more warnings than
--max-warnings), 0 otherwise; 2 means a usage error or unreadable input.`;

export const COMMAND_USAGE: Record<Command, string> = {
  plan: `Usage: syncplan plan [PATH...] [options]

Prints each application's sync steps (phase, wave, resources) in the order Argo CD applies them.
PATH is a folder or file (default: .).

Options:
  --format FORMAT     text | json | markdown (default: text)
${COMMON_OPTIONS}`,
  check: `Usage: syncplan check [PATH...] [options]

Reports sync-wave, hook and manifest mistakes. PATH is a folder or file (default: .).

Options:
  --format FORMAT     text | json | sarif | github | markdown (default: text)
                      github: workflow annotations; markdown: a pull-request comment
  --config FILE       rule configuration (default: PATH/.syncplan.yaml when present)
  --max-warnings N    exit 1 when more than N warnings are reported
  --verbose           text: print each finding's explanation under its message
${COMMON_OPTIONS}

Exit codes: 1 when an error-level finding is reported or warnings exceed --max-warnings,
0 otherwise, 2 on a usage error or unreadable input.`,
};

const OPTIONS = {
  format: { type: 'string' },
  config: { type: 'string' },
  exclude: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  'max-file-size': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-kustomize': { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const FORMATS: Record<Command, readonly string[]> = { plan: ['text', 'json', 'markdown'], check: ['text', 'json', 'sarif', 'github', 'markdown'] };

export function parseCliArgs(argv: string[]): ParsedArgs {
  const { values, positionals } = parseStrict(argv);
  const [command, ...paths] = positionals;
  if (command === 'help') return { help: isCommand(paths[0]) ? paths[0] : 'general' };
  if (values.version) return 'version';
  if (values.help) return { help: isCommand(command) ? command : 'general' };
  if (!isCommand(command)) {
    if (!command) throw new UsageError('missing command');
    const suggestion = closestName(command, ['plan', 'check', 'help']);
    throw new UsageError(`unknown command "${command}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
  }
  const format = values.format ?? 'text';
  if (!FORMATS[command].includes(format)) throw new UsageError(`--format for ${command} must be one of ${FORMATS[command].join(', ')}`);
  if (command === 'plan' && values.config !== undefined) throw new UsageError('--config applies to check only');
  if (command === 'plan' && values['max-warnings'] !== undefined) throw new UsageError('--max-warnings applies to check only');
  if (command === 'plan' && values.verbose) throw new UsageError('--verbose applies to check only');
  const maxFileSize = values['max-file-size'] === undefined ? undefined : Number(values['max-file-size']);
  if (maxFileSize !== undefined && !(Number.isInteger(maxFileSize) && maxFileSize > 0)) throw new UsageError('--max-file-size must be a positive whole number of bytes');
  return {
    command,
    paths: paths.length > 0 ? paths : ['.'],
    format: format as CliOptions['format'],
    config: values.config,
    color: values['no-color'] ? false : values.color,
    exclude: values.exclude ?? [],
    kustomize: !values['no-kustomize'],
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    maxFileSize,
    ...(values.verbose ? { verbose: true } : {}),
  };
}

function parseStrict(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(explainParseError(error));
  }
}

// Node's messages are long and mention `args`; say what was wrong and suggest the nearest option.
function explainParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const given = unknown[1];
    const names = Object.keys(OPTIONS).map((name) => `--${name}`);
    const suggestion = closestName(given.split('=')[0], names);
    return `unknown option ${given}${suggestion ? `; did you mean ${suggestion}?` : ''}`;
  }
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return `option ${missing[1]} needs a value`;
  return message;
}

function parseMaxWarnings(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings needs a whole number, got "${text}"`);
  return Number(text);
}

function isCommand(value: string | undefined): value is Command {
  return value === 'plan' || value === 'check';
}
