// Bundles the extension client, the language server and the CLI with esbuild.
// The extension and server bundles ship in the VSIX minified; the CLI goes to packages/cli, its own npm package.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const cliPackage = JSON.parse(readFileSync(new URL('../packages/cli/package.json', import.meta.url), 'utf8'));
if (cliPackage.version !== version) throw new Error(`packages/cli/package.json has version ${cliPackage.version}; package.json has ${version}`);

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
// keepNames: stack traces in the output channel stay readable.
const minified = { ...common, minify: true, keepNames: true };
mkdirSync('packages/cli/dist', { recursive: true });
copyFileSync('LICENSE', 'packages/cli/LICENSE');
await Promise.all([
  existsSync('client/src/extension.ts') && build({ ...minified, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], format: 'cjs' }),
  // The server keeps its identifiers instead: keepNames wraps every function made at run time in a naming call,
  // a few per cent of a keystroke's analysis, where unminified names cost only bytes.
  existsSync('server/src/lsp/main.ts') && build({ ...common, minifyWhitespace: true, minifySyntax: true, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', format: 'cjs', define: { SYNCPLAN_VERSION: JSON.stringify(version) } }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'packages/cli/dist/cli.js', format: 'cjs', define: { SYNCPLAN_VERSION: JSON.stringify(version), SYNCPLAN_RULE_DOCS: JSON.stringify(readFileSync('docs/rules.md', 'utf8')) }, banner: { js: '#!/usr/bin/env node' } }),
]);
