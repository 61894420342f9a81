// The status bar item that says what the SyncPlan server is doing: starting/analysing, N apps, or stopped.

import * as vscode from 'vscode';
import { plural } from '../tree/planTreeText';

export type ServerState = 'starting' | 'analysing' | 'ready' | 'error';

export class ServerStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('syncplan.status', vscode.StatusBarAlignment.Left, 10);
  private current: ServerState = 'starting';
  private visible = false;

  constructor() {
    this.item.name = 'SyncPlan';
    this.showStarting();
    this.show();
  }

  get state(): ServerState {
    return this.current;
  }

  /** What the item shows now, for the end-to-end tests. */
  get snapshot(): { text: string; tooltip: string; visible: boolean } {
    return { text: this.item.text, tooltip: String(this.item.tooltip ?? ''), visible: this.visible };
  }

  showStarting(): void {
    this.set('starting', '$(sync~spin) SyncPlan', 'SyncPlan: starting the language server');
  }

  showAnalysing(): void {
    this.set('analysing', '$(sync~spin) SyncPlan', 'SyncPlan: analysing the workspace');
  }

  /** Without applications the workspace has no manifests for SyncPlan: the item hides rather than say "0 apps". */
  showApps(apps: number, findings: number): void {
    if (apps === 0) {
      this.set('ready', '$(list-ordered) SyncPlan', 'SyncPlan: no applications found');
      this.item.hide();
      this.visible = false;
      return;
    }
    this.show();
    const text = `$(list-ordered) SyncPlan: ${plural(apps, 'app')}`;
    this.set('ready', text, `SyncPlan: ${plural(apps, 'application')}, ${plural(findings, 'finding')}. Click to show the sync order.`, 'syncplan.syncOrder.focus');
  }

  showError(message: string): void {
    this.set('error', '$(error) SyncPlan', `${message}\nClick to restart the language server.`, 'syncplan.restartServer');
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  private show(): void {
    this.item.show();
    this.visible = true;
  }

  private set(state: ServerState, text: string, tooltip: string, command?: string): void {
    this.current = state;
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = command;
    this.item.backgroundColor = undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
