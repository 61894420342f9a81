// Runs last (files run in name order): VS Code's extension host log has no error about the Sync Order tree.
// "No tree item with id" is what VS Code logs when the whole tree is refreshed while it still reads expanded nodes.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { activeApi } from './e2eHelpers';

const TREE_ERRORS = [/No tree item with id/, /Element with id .* is already registered/];

/** The *.log files of the extension host's log folder (the parent of every extension's own log folder). */
function extensionHostLogs(extensionLogFolder: string): string[] {
  const hostFolder = dirname(extensionLogFolder);
  return readdirSync(hostFolder).map((name) => join(hostFolder, name)).filter((path) => path.endsWith('.log') && statSync(path).isFile());
}

describe('extension host log', () => {
  it('has no tree errors after the whole suite', async () => {
    const api = await activeApi();
    const logs = extensionHostLogs(api.logFolder());
    assert.ok(logs.length > 0 && logs.every(existsSync), `an extension host log next to ${api.logFolder()}`);
    const text = logs.map((path) => readFileSync(path, 'utf8')).join('\n');
    assert.match(text, /syncplan/i, 'the log is the one that saw this extension');
    const errors = text.split('\n').filter((line) => TREE_ERRORS.some((re) => re.test(line)));
    assert.deepEqual(errors, []);
  });
});
