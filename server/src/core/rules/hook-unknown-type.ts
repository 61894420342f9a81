// hook/unknown-type: hook types are matched exactly and split on commas only. A hook whose value names no known
// type is Ignored: left out of the sync entirely, with no error (semantics 3.1; gitops-engine sync/hook/hook.go,
// sync/ignore/ignore.go, test TestGarbageHook). A valid helm.sh/hook on the same object then supplies the types.

import { HELM_HOOK_TYPE_MAP, HOOK_TYPES } from '../catalogue';
import { HELM_HOOK, HOOK } from '../catalogue/keys';
import { parseCsv } from '../plan/valueParsing';
import { finding, fix, quoteList } from './support/findings';
import { checkItems, correctedValue, describeCorrection, shortCorrection } from './support/hookValues';
import { isJudgeable, replaceValueEdit } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

export const hookUnknownType: Rule = {
  code: 'hook/unknown-type',
  severity: 'error',
  title: 'A hook type Argo CD does not know (wrong case, typo, `;` separator, empty): the resource is dropped or the item ignored.',
  checkObject(object, context) {
    const entry = object.annotations.get(HOOK);
    if (!isJudgeable(context, entry) || entry.text === undefined) return [];
    const check = checkItems(context, entry, HOOK_TYPES);
    const name = label(object);
    if (check.items.length === 0) {
      const detail = `Argo CD drops ${name} from the sync without any error: the hook annotation is empty, so it names no hook type. Set one of ${quoteList([...HOOK_TYPES])}, or remove the annotation.`;
      return [finding(this, entry.valueLocation, 'The hook annotation is empty, so Argo CD drops this object from the sync without any error.', { detail })];
    }
    if (check.invalid.length === 0) return [];
    const corrected = correctedValue(check);
    const fixes = [corrected ? fix(`Change the hook to ${corrected.join(',')}`, [replaceValueEdit(context, entry, corrected.join(','))], true) : undefined];
    const single = check.invalid.length === 1 ? check.invalid[0] : undefined;
    const at = single?.item.exact ? single.item.location : entry.valueLocation;
    const bad = quoteList(check.invalid.map((i) => i.item.text));
    const short = single ? shortCorrection(single) : '.';
    const notType = `${bad} ${check.invalid.length === 1 ? 'is not a hook type' : 'are not hook types'}${single ? describeCorrection(single) : ''}`;

    if (check.valid.length > 0) {
      const kept = check.valid.map((i) => i.text).join(', ');
      const detail = `Argo CD ignores ${bad} on ${name} and runs it only as ${kept}: ${notType}`;
      return [finding(this, at, `Argo CD ignores ${bad} and runs this hook only as ${kept}${short || '.'}`, { severity: 'warning', detail, fixes })];
    }
    const helmTypes = helmTypesOf(object.annotations.get(HELM_HOOK)?.text);
    if (helmTypes.length > 0) {
      return [
        finding(this, at, `Argo CD ignores ${bad} and takes the phase from helm.sh/hook (${helmTypes.join(', ')})${short || '.'}`, {
          severity: 'warning',
          detail: `Argo CD ignores the hook annotation of ${name} and takes its phase from helm.sh/hook instead (${helmTypes.join(', ')}): ${notType}`,
          fixes,
        }),
      ];
    }
    const detail = `Argo CD drops ${name} from the sync without any error: ${notType}`;
    return [finding(this, at, `Argo CD silently drops this object: ${bad} ${check.invalid.length === 1 ? 'is not a hook type' : 'are not hook types'}${short || '.'}`, { detail, fixes })];
  },
};

function helmTypesOf(value: string | undefined): string[] {
  return [...new Set(parseCsv(value ?? '').map((v) => HELM_HOOK_TYPE_MAP[v]).filter((t): t is string => t !== undefined))];
}
