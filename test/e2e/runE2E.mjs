// Runs the end-to-end suite inside a real VS Code with @vscode/test-electron.
// This machine cannot download VS Code: set VSCODE_EXECUTABLE_PATH, e.g. to ../shared/vscode-web/code-shim.js
// after `bash ../shared/vscode-web/setup.sh`. Without it the suite is skipped (exit 0) with a message.
// Needs the bundles: `npm run build` first (`npm run test:e2e` does both).
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const executable = process.env.VSCODE_EXECUTABLE_PATH;
if (!executable) {
  console.log('e2e: skipped: VSCODE_EXECUTABLE_PATH is not set. Run `bash ../shared/vscode-web/setup.sh` and set it to ../shared/vscode-web/code-shim.js (no VS Code download is possible here).');
  process.exit(0);
}
for (const bundle of ['dist/extension.js', 'dist/server.js', 'packages/cli/dist/cli.js']) {
  if (!existsSync(join(root, bundle))) {
    console.error(`e2e: ${bundle} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}

// The suite runs in the extension host as CommonJS; mocha and vscode come from the host and node_modules.
const suiteDir = join(root, 'test/e2e/suite');
const outDir = join(root, 'out/e2e');
rmSync(outDir, { recursive: true, force: true });
await build({
  entryPoints: readdirSync(suiteDir).filter((f) => f === 'index.ts' || f.endsWith('.e2e.ts')).map((f) => join(suiteDir, f)),
  outdir: outDir, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline',
  external: ['vscode', 'mocha'], logLevel: 'warning',
});

// A scratch copy of the fixture workspace, so edits made by the tests never touch the repository.
const scratch = mkdtempSync(join(tmpdir(), 'syncplan-e2e-'));
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
let exitCode = 0;
try {
  await runTests({
    vscodeExecutablePath: resolve(executable),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(outDir, 'index.js'),
    launchArgs: [workspace, `--user-data-dir=${join(scratch, 'user-data')}`, `--extensions-dir=${join(scratch, 'extensions')}`, '--disable-extensions'],
    extensionTestsEnv: { SYNCPLAN_E2E_CLI: join(root, 'packages/cli/dist/cli.js') },
  });
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
