// The Argo CD injection grammar: every regex compiles, and sample annotation lines get the right scopes.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { grammarRegexes, scopedTokens, toJsRegex, type Grammar } from '../helpers/miniTextMate';

const grammarPath = join(__dirname, '../../syntaxes/argocd.injection.tmLanguage.json');
const grammar = JSON.parse(readFileSync(grammarPath, 'utf8')) as Grammar & { scopeName: string; injectionSelector: string };
const KEY = 'support.type.property-name.argocd keyword.control.argocd';

const scopesOf = (line: string): string[] => scopedTokens(grammar, line).map((t) => `${t.text} => ${t.scope}`);

describe('Argo CD injection grammar', () => {
  it('is an injection into YAML outside comments and strings', () => {
    assert.equal(grammar.scopeName, 'argocd.injection');
    assert.equal(grammar.injectionSelector, 'L:source.yaml -comment -string');
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.grammars, [{ scopeName: 'argocd.injection', path: './syntaxes/argocd.injection.tmLanguage.json', injectTo: ['source.yaml'] }]);
  });

  it('has only regexes that compile', () => {
    const regexes = grammarRegexes(grammar);
    assert.ok(regexes.length > 15);
    for (const { where, source } of regexes) assert.doesNotThrow(() => toJsRegex(source), where);
  });

  it('highlights hook keys and only the valid hook types', () => {
    assert.deepEqual(scopesOf('    argocd.argoproj.io/hook: PreSync,presync, PostSync'), [
      `argocd.argoproj.io/hook => ${KEY}`,
      ': => punctuation.separator.key-value.mapping.yaml',
      'PreSync => constant.language.hook-type.argocd',
      ', => punctuation.separator.sequence.argocd',
      ', => punctuation.separator.sequence.argocd',
      'PostSync => constant.language.hook-type.argocd',
    ]);
    assert.deepEqual(scopesOf('  "argocd.argoproj.io/hook": "Pre-Sync"').filter((s) => s.includes('constant')), []);
    assert.deepEqual(scopesOf('  argocd.argoproj.io/hook: Skip  # never applied').slice(-1), ['Skip => constant.language.hook-type.argocd']);
  });

  it('highlights delete policies, waves, sync and compare options', () => {
    assert.deepEqual(scopesOf("argocd.argoproj.io/hook-delete-policy: 'BeforeHookCreation,HookSucceeded'").filter((s) => s.includes('constant')), [
      'BeforeHookCreation => constant.language.delete-policy.argocd', 'HookSucceeded => constant.language.delete-policy.argocd',
    ]);
    assert.deepEqual(scopesOf('argocd.argoproj.io/sync-wave: "-1"').filter((s) => s.includes('constant')), ['-1 => constant.numeric.integer.argocd']);
    assert.deepEqual(scopesOf('argocd.argoproj.io/sync-wave: "1.5"').filter((s) => s.includes('constant')), []);
    assert.deepEqual(scopesOf('argocd.argoproj.io/sync-options: Prune=false,Validate=confirm,PrunePropagationPolicy=orphan').filter((s) => s.includes('constant')), [
      'Prune=false => constant.language.sync-option.argocd', 'PrunePropagationPolicy=orphan => constant.language.sync-option.argocd',
    ]);
    assert.deepEqual(scopesOf('argocd.argoproj.io/compare-options: IgnoreExtraneous').slice(-1), ['IgnoreExtraneous => constant.language.compare-option.argocd']);
  });

  it('highlights Helm hook annotations', () => {
    assert.deepEqual(scopesOf('helm.sh/hook: pre-install,test-success').filter((s) => s.includes('constant')), [
      'pre-install => constant.language.hook-type.helm.argocd', 'test-success => constant.language.hook-type.helm.argocd',
    ]);
    assert.deepEqual(scopesOf('helm.sh/hook-weight: "5"').filter((s) => s.includes('constant')), ['5 => constant.numeric.integer.argocd']);
    assert.deepEqual(scopesOf('helm.sh/hook-delete-policy: hook-succeeded').slice(-1), ['hook-succeeded => constant.language.delete-policy.helm.argocd']);
  });

  it('highlights other Argo CD keys without touching their values', () => {
    assert.deepEqual(scopesOf('    notifications.argocd.argoproj.io/subscribe: x'), [`notifications.argocd.argoproj.io/subscribe => ${KEY}`]);
    assert.deepEqual(scopesOf('  argocd.argoproj.io/manifest-generate-paths: .'), [`argocd.argoproj.io/manifest-generate-paths => ${KEY}`]);
    assert.deepEqual(scopesOf('  app.kubernetes.io/name: argocd.argoproj.io/hook'), []);
  });

  it('highlights the items of an Application syncOptions list', () => {
    assert.deepEqual(scopesOf('      - CreateNamespace=true'), [
      '- => punctuation.definition.block.sequence.item.yaml', 'CreateNamespace=true => constant.language.sync-option.argocd',
    ]);
    assert.deepEqual(scopesOf('      - CreateNamespace=yes'), []);
  });
});
