// The injection grammar tokenized by the real vscode-textmate + Oniguruma together with VS Code's own YAML
// grammar, both taken from the VS Code build that ../shared/vscode-web/setup.sh installs. Skipped without it.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const VSCODE = join(process.env.VSCODE_WEB_HOME ?? join(homedir(), '.cache/vscode-web'), 'node_modules/code-server/lib/vscode');
const MODULES = join(VSCODE, 'node_modules');
const YAML_SYNTAXES = join(VSCODE, 'extensions/yaml/syntaxes');
const INJECTION = join(__dirname, '../../syntaxes/argocd.injection.tmLanguage.json');

interface Token { text: string; scopes: string[] }

async function loadTokenizer(): Promise<(text: string) => Token[][]> {
  const textmate = require(join(MODULES, 'vscode-textmate'));
  const oniguruma = require(join(MODULES, 'vscode-oniguruma'));
  const wasm = readFileSync(join(MODULES, 'vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const files = new Map<string, string>([['argocd.injection', INJECTION]]);
  for (const name of readdirSync(YAML_SYNTAXES)) {
    const path = join(YAML_SYNTAXES, name);
    files.set(JSON.parse(readFileSync(path, 'utf8')).scopeName, path);
  }
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      const path = files.get(scopeName);
      return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    getInjections: (scopeName: string) => (scopeName === 'source.yaml' ? ['argocd.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar('source.yaml');
  return (text: string) => {
    let stack = textmate.INITIAL;
    return text.split('\n').map((line) => {
      const result = grammar.tokenizeLine(line, stack);
      stack = result.ruleStack;
      return result.tokens.map((t: { startIndex: number; endIndex: number; scopes: string[] }) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    });
  };
}

const MANIFEST = `apiVersion: batch/v1
kind: Job
metadata:
  name: db-migrate
  annotations:
    argocd.argoproj.io/hook: PreSync,presync
    "argocd.argoproj.io/hook-delete-policy": "BeforeHookCreation"
    argocd.argoproj.io/sync-wave: "-1"
    # argocd.argoproj.io/hook: PostSync
    helm.sh/hook: pre-install
spec:
  template:
    spec:
      containers:
        - name: migrate
          args:
            - |
              argocd.argoproj.io/hook: Sync
`;

describe('Argo CD injection grammar in vscode-textmate with VS Code\'s YAML grammar', function () {
  let lines: Token[][] = [];
  before(async function () {
    if (!existsSync(join(MODULES, 'vscode-textmate')) || !existsSync(YAML_SYNTAXES)) {
      console.log(`    (skipped: no VS Code build at ${VSCODE}; run ../shared/vscode-web/setup.sh)`);
      this.skip();
    }
    lines = (await loadTokenizer())(MANIFEST);
  });
  const scopeOf = (line: number, text: string): string[] => {
    const token = lines[line].find((t) => t.text === text);
    assert.ok(token, `no token "${text}" on line ${line + 1}: ${JSON.stringify(lines[line].map((t) => t.text))}`);
    return token.scopes;
  };

  it('scopes Argo CD keys and valid values, but not typos', () => {
    assert.ok(scopeOf(5, 'argocd.argoproj.io/hook').includes('keyword.control.argocd'));
    assert.ok(scopeOf(5, 'PreSync').includes('constant.language.hook-type.argocd'));
    assert.ok(!scopeOf(5, 'presync').some((s) => s.includes('argocd')));
    assert.ok(scopeOf(5, 'presync').includes('string.unquoted.plain.out.yaml'), 'unknown values keep the string colour');
    assert.ok(scopeOf(6, 'argocd.argoproj.io/hook-delete-policy').includes('keyword.control.argocd'));
    assert.ok(scopeOf(6, 'BeforeHookCreation').includes('constant.language.delete-policy.argocd'));
    assert.ok(scopeOf(7, '-1').includes('constant.numeric.integer.argocd'));
    assert.ok(scopeOf(9, 'pre-install').includes('constant.language.hook-type.helm.argocd'));
  });

  it('leaves comments and block scalars alone and YAML keeps tokenizing after the annotations', () => {
    assert.ok(lines[8].every((t) => !t.scopes.some((s) => s.includes('argocd'))), 'comment');
    assert.ok(lines[17].every((t) => !t.scopes.some((s) => s.includes('argocd'))), 'block scalar');
    assert.ok(scopeOf(10, 'spec').some((s) => s.startsWith('entity.name.tag')));
    assert.ok(scopeOf(14, 'name').some((s) => s.startsWith('entity.name.tag')));
  });
});
