// Runs the analysis core for each PATH argument, with the rule configuration applied.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyzeWorkspace } from '../core/analyzeWorkspace';
import type { WorkspaceAnalysis } from '../core/discover/appTypes';
import { SafeHost } from '../core/safeHost';
import { applySeverities, parseSyncplanConfig, type SeveritySetting } from '../core/rules/severityConfig';
import { projectConfigFindings } from '../core/rules/projectConfigFindings';
import type { Finding, FileHost } from '../core/types';
import { oneRunFileHost } from '../workspace/nodeFileHost';
import type { CliOptions } from './args';

export class InputError extends Error {}

export interface RootAnalysis {
  /** The PATH argument as given. */
  argument: string;
  /** Absolute folder analysed. */
  root: string;
  /** When PATH names a single file, only that file's findings and apps are reported. */
  onlyFile?: string;
  workspace: WorkspaceAnalysis;
  /** The analysis' findings, then the problems of the `.syncplan.yaml` that applied. */
  findings: Finding[];
  host: FileHost;
}

export function analyzeRoots(options: CliOptions): RootAnalysis[] {
  const host = oneRunFileHost();
  return options.paths.map((argument) => {
    const absolute = resolve(argument);
    if (!existsSync(absolute)) throw new InputError(`${argument}: no such file or folder`);
    const isFile = statSync(absolute).isFile();
    const root = isFile ? dirname(absolute) : absolute;
    const config = loadConfig(options.config, root);
    const workspace = analyzeWorkspace(host, root, { exclude: [...config.exclude, ...options.exclude], kustomize: options.kustomize, maxFileSize: options.maxFileSize });
    let findings = applySeverities(workspace.findings, config.severities);
    if (isFile) findings = findings.filter((f) => f.file === absolute);
    // The config's own YAML error replaces the manifest one, which would say an application fails to sync.
    if (config.file) findings = [...findings.filter((f) => f.file !== config.file || f.code !== 'parse/yaml-error'), ...config.findings];
    // Later reads for line numbers and snippets go through the same gate as the analysis.
    const gate = new SafeHost(host, root, options.maxFileSize);
    return { argument, root, onlyFile: isFile ? absolute : undefined, workspace, findings, host: gate };
  });
}

interface LoadedConfig {
  file?: string;
  severities: Record<string, SeveritySetting>;
  exclude: string[];
  /** Problems with the file itself; in CI they fail the check, so a typo cannot silently turn a rule off. */
  findings: Finding[];
}

function loadConfig(explicit: string | undefined, root: string): LoadedConfig {
  const path = explicit ? resolve(explicit) : join(root, '.syncplan.yaml');
  if (!existsSync(path)) {
    if (explicit) throw new InputError(`${explicit}: configuration file not found`);
    return { severities: {}, exclude: [], findings: [] };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseSyncplanConfig(text);
  // In CI a config problem fails the run (error), unless the config itself turns the code down.
  const errors = projectConfigFindings(path, text).map((f): Finding => ({ ...f, severity: 'error' }));
  const findings = applySeverities(errors, parsed.severities);
  return { file: path, severities: parsed.severities, exclude: parsed.exclude, findings };
}
