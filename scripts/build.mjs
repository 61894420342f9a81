// Bundles the extension client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  existsSync('client/src/extension.ts') && build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], format: 'cjs' }),
  existsSync('server/src/lsp/main.ts') && build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', format: 'cjs' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', format: 'cjs', define: { SYNCPLAN_VERSION: JSON.stringify(version), SYNCPLAN_RULE_DOCS: JSON.stringify(readFileSync('docs/rules.md', 'utf8')) }, banner: { js: '#!/usr/bin/env node' } }),
]);
