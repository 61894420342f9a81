// Lint fences the layering (the core stays free of editor, LSP and I/O code) and catches floating promises.
import tseslint from 'typescript-eslint';

const CORE_FORBIDDEN = [
  { name: 'vscode', message: 'The analysis core must not depend on VS Code.' },
  { name: 'fs', message: 'The core reads files only through FileHost.' },
  { name: 'node:fs', message: 'The core reads files only through FileHost.' },
  { name: 'fs/promises', message: 'The core reads files only through FileHost.' },
  { name: 'node:fs/promises', message: 'The core reads files only through FileHost.' },
  { name: 'child_process', message: 'The core never runs programs.' },
  { name: 'node:child_process', message: 'The core never runs programs.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '**/*.js', '**/*.mjs', 'test/e2e/fixtures/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: CORE_FORBIDDEN,
        patterns: [{ group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'The core must not depend on the LSP.' }],
      }],
    },
  },
  {
    files: ['server/src/cli/**/*.ts', 'server/src/workspace/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only the client may use VS Code.' }], patterns: [{ group: ['vscode-languageserver*', 'vscode-languageclient*'], message: 'The CLI and workspace layers must not depend on the LSP.' }] }],
    },
  },
);
