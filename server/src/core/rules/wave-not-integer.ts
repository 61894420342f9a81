// wave/not-integer: sync-wave goes through Go strconv.Atoi with no trimming; a rejected value silently falls back
// to helm.sh/hook-weight, else 0 (semantics 1.5 and 4.2; gitops-engine pkg/sync/syncwaves/waves.go).

import { SYNC_WAVE } from '../catalogue/keys';
import { computeWave } from '../plan/computeWave';
import { goAtoi } from '../plan/valueParsing';
import { finding, fix } from './support/findings';
import { isJudgeable, replaceValueEdit } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

export const waveNotInteger: Rule = {
  code: 'wave/not-integer',
  severity: 'error',
  title: 'A sync-wave that Go strconv.Atoi rejects: Argo CD silently uses the hook-weight or 0 instead.',
  checkObject(object, context) {
    const entry = object.annotations.get(SYNC_WAVE);
    // Unquoted numbers are annotation/not-string's business; here only strings count.
    if (!isJudgeable(context, entry) || entry.text === undefined || goAtoi(entry.text) !== undefined) return [];
    const { wave, source } = computeWave(object);
    const fallback = source === 'hook-weight' ? `wave ${wave} from helm.sh/hook-weight` : 'wave 0';
    const intended = integerForm(entry.text);
    const hint = intended !== undefined ? ` Write "${intended}".` : ' Use a whole number such as "1" or "-2".';
    const message = `Argo CD cannot read sync-wave ${JSON.stringify(entry.text)} as an integer and silently uses ${fallback}.`;
    const detail =
      `Argo CD cannot read sync-wave ${JSON.stringify(entry.text)} on ${label(object)} as an integer ` +
      `(Go's Atoi accepts only an optional sign and digits, no spaces or decimals) and silently uses ${fallback} instead.${hint}`;
    const edit = intended !== undefined ? replaceValueEdit(context, entry, intended) : undefined;
    return [finding(this, entry.valueLocation, message, { detail, fixes: [fix(`Change sync-wave to "${intended}"`, [edit], true)] })];
  },
};

/** The integer the author evidently meant: surrounding spaces, a `.0` tail or digit underscores removed. */
function integerForm(text: string): string | undefined {
  const candidate = text.trim().replace(/^([+-]?\d+)\.0*$/, '$1').replace(/(\d)_(?=\d)/g, '$1');
  if (goAtoi(candidate) === undefined) return undefined;
  return candidate.replace(/^\+/, '');
}
