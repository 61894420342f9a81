// Command-line parsing for `syncplan plan|check [PATH...]`.

import { parseArgs } from 'node:util';

export type Command = 'plan' | 'check';

export interface CliOptions {
  command: Command;
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  config?: string;
  color?: boolean;
  exclude: string[];
  kustomize: boolean;
  /** Files over this many bytes are skipped with a finding. */
  maxFileSize?: number;
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  syncplan plan  [PATH...] [--format text|json]
  syncplan check [PATH...] [--format text|json|sarif] [--config FILE]

Options:
  --format FORMAT   output format (default: text)
  --config FILE     rule configuration (default: PATH/.syncplan.yaml when present)
  --exclude GLOB    leave out files or folders matching GLOB (repeatable)
  --no-kustomize    read kustomization folders as plain manifests
  --max-file-size BYTES  skip files larger than BYTES (default 10485760, 10 MB)
  --color/--no-color  force or disable colours
  -h, --help        show this help

Exit codes: check exits 1 when it reports an error-level finding, 0 otherwise;
2 means a usage error or unreadable input.`;

export function parseCliArgs(argv: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        exclude: { type: 'string', multiple: true },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'no-kustomize': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [command, ...paths] = positionals;
  if (command !== 'plan' && command !== 'check') {
    throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  }
  const format = values.format ?? 'text';
  const allowed = command === 'plan' ? ['text', 'json'] : ['text', 'json', 'sarif'];
  if (!allowed.includes(format)) throw new UsageError(`--format for ${command} must be one of ${allowed.join(', ')}`);
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
    maxFileSize,
  };
}
