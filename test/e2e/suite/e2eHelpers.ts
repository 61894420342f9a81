// Shared helpers of the end-to-end tests: activation, polling, fixture paths and the CLI.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SyncPlanApi } from '../../../client/src/api';

export const EXTENSION_ID = 'syncplan.syncplan';

/** Polls `probe` until it returns something other than undefined/false; never a fixed sleep. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const start = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - start > timeoutMs) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function activeApi(): Promise<SyncPlanApi> {
  const extension = vscode.extensions.getExtension<SyncPlanApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  await api.started;
  return api;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace folder open');
  return folder.uri.fsPath;
}

export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.file(join(workspaceRoot(), relative));
}

export async function openFixture(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relative));
  return vscode.window.showTextDocument(document);
}

/** Throws away unsaved edits of the active editor. */
export async function revertActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** Runs the built CLI (packages/cli/dist/cli.js) on the fixture workspace and parses its JSON. */
export function runCli<T>(...args: string[]): T {
  const cli = process.env.SYNCPLAN_E2E_CLI ?? join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'packages/cli/dist/cli.js');
  let stdout: string;
  try {
    // ELECTRON_RUN_AS_NODE makes a desktop VS Code's binary behave as plain Node.
    stdout = execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: workspaceRoot(), env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  } catch (error) {
    // `check` exits 1 when it reports errors; its output is still the answer.
    const failed = error as { status?: number; stdout?: string };
    if (failed.status !== 1 || !failed.stdout) throw error;
    stdout = failed.stdout;
  }
  return JSON.parse(stdout) as T;
}
