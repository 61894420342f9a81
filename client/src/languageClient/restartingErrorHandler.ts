// Restarts a crashed language server a few times, then stops and asks the user (no silent restart loop).

import type { CloseHandlerResult, ErrorHandler, ErrorHandlerResult } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction } from 'vscode-languageclient/node';
import { CrashBudget } from './crashBudget';

export class RestartingErrorHandler implements ErrorHandler {
  constructor(
    readonly budget: CrashBudget,
    /** Called once the server crashed too often; shows a message with a "Restart" button. */
    private readonly onGiveUp: (crashes: number, windowMs: number) => void,
  ) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // Transient read/write errors: keep the connection unless they repeat.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    if (this.budget.recordCrash()) {
      const { maxRestarts } = this.budget.policy;
      return { action: CloseAction.Restart, message: `SyncPlan language server stopped; restarting (${this.budget.recentCrashes}/${maxRestarts}).`, handled: true };
    }
    this.onGiveUp(this.budget.recentCrashes, this.budget.policy.windowMs);
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}
