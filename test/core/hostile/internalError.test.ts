// A rule that throws becomes a syncplan/internal-error finding naming the rule in plain words (issue 7 item 7).

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import { runRules } from '../../../server/src/core/rules';
import type { Rule } from '../../../server/src/core/rules/ruleTypes';
import { memoryHost } from '../../helpers/memoryHost';

const BROKEN: Rule = {
  code: 'test/broken',
  severity: 'warning',
  title: 'A rule that always fails.',
  checkObject() {
    throw new TypeError("Cannot read properties of undefined (reading 'spec')");
  },
};

describe('internal errors in rules', () => {
  it('become one finding per place, in plain words, with nothing on stderr', () => {
    const host = memoryHost({ '/ws/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
    const workspace = analyzeWorkspace(host, '/ws');
    const original = console.error;
    let printed = 0;
    console.error = () => void printed++;
    let findings;
    try {
      findings = runRules(workspace, [BROKEN], host);
    } finally {
      console.error = original;
    }
    assert.equal(printed, 0);
    assert.deepEqual(findings.map((f) => [f.code, f.file]), [['syncplan/internal-error', '/ws/cm.yaml']]);
    assert.match(findings[0].message, /"test\/broken" \(A rule that always fails\.\)/);
    assert.doesNotMatch(findings[0].message, /Cannot read properties/);
  });
});
