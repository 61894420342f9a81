// What the VSIX ships: `vsce ls` (the file list `vsce package` uses) and minified bundles.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/runCli';

const VSCE = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const BUNDLES = ['dist/extension.js', 'dist/server.js'];

describe('VSIX contents', () => {
  before(() => {
    for (const bundle of BUNDLES) if (!existsSync(join(REPO_ROOT, bundle))) throw new Error(`${bundle} is missing: run \`npm run build\` first.`);
  });

  it('lists only the bundles, the grammar, the icons and the documents', () => {
    const ls = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(ls.status, 0, ls.stderr);
    const files = ls.stdout.trim().split('\n').map((line) => line.trim()).sort();
    assert.deepEqual(files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      ...BUNDLES,
      'images/icon.png',
      'images/sync-order.svg',
      'package.json',
      'syntaxes/argocd.injection.tmLanguage.json',
    ].sort());
  });

  it('ships minified bundles', () => {
    for (const bundle of BUNDLES) {
      const text = readFileSync(join(REPO_ROOT, bundle), 'utf8');
      const perLine = text.length / text.split('\n').length;
      // Minified code runs on for thousands of characters a line (only template literals break it); unminified ~40.
      assert.ok(perLine > 1000, `${bundle}: ${Math.round(perLine)} characters a line`);
      assert.match(text, /\/\/# sourceMappingURL=/, `${bundle} keeps its source map reference for local debugging`);
    }
  });
});
