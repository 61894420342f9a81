// helm/unsupported-hook: Argo CD maps only install, upgrade and delete Helm hooks. An object whose helm.sh/hook
// values map to nothing is a hook with no type and is dropped from the app (semantics 3.4; gitops-engine
// sync/hook/helm/type.go; docs user-guide/helm.md "Helm Hooks": unsupported hooks are ignored).

import { closestMatch, findCatalogueEntry, HELM_HOOK_TYPE_MAP, HOOK_TYPES, UNSUPPORTED_HELM_HOOKS } from '../catalogue';
import { HELM_HOOK, HOOK } from '../catalogue/keys';
import { parseCsv } from '../plan/valueParsing';
import { finding, fix, quoteList } from './support/findings';
import { isJudgeable, replaceValueEdit } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

const HELM_HOOK_VALUES = (findCatalogueEntry(HELM_HOOK)?.values ?? []).map((v) => v.value);

export const helmUnsupportedHook: Rule = {
  code: 'helm/unsupported-hook',
  severity: 'warning',
  title: 'A helm.sh/hook value Argo CD does not support (test, rollback, typos): the object is dropped.',
  checkObject(object, context) {
    const entry = object.annotations.get(HELM_HOOK);
    if (!isJudgeable(context, entry) || entry.text === undefined || entry.text === 'crd-install') return [];
    const argo = object.annotations.get(HOOK);
    // A valid Argo CD hook type (or one we cannot read) decides the phases instead of helm.sh/hook.
    if (argo && (!isJudgeable(context, argo) || parseCsv(argo.text ?? '').some((t) => HOOK_TYPES.includes(t)))) return [];
    const items = parseCsv(entry.text);
    if (items.some((i) => HELM_HOOK_TYPE_MAP[i] !== undefined)) return [];
    const unsupported = items.filter((i) => UNSUPPORTED_HELM_HOOKS.includes(i));
    const unknown = items.filter((i) => !HELM_HOOK_VALUES.includes(i));
    const name = label(object);
    if (unknown.length === 1 && unsupported.length === 0) {
      const guess = closestMatch(unknown[0], Object.keys(HELM_HOOK_TYPE_MAP));
      const message = `Argo CD silently drops this object: \`${unknown[0]}\` is not a Helm hook${guess ? `; did you mean \`${guess}\`?` : '.'}`;
      const detail = `Argo CD drops ${name} from the app without any error: helm.sh/hook \`${unknown[0]}\` is not a Helm hook${guess ? `; did you mean \`${guess}\`?` : '.'}`;
      return [finding(this, entry.valueLocation, message, { detail, fixes: [guess ? fix(`Change helm.sh/hook to ${guess}`, [replaceValueEdit(context, entry, guess)], true) : undefined] })];
    }
    const listed = items.length === 0 ? '(empty)' : quoteList(unsupported.length > 0 ? unsupported : items);
    const message = `Argo CD silently drops this object: it maps no phase to helm.sh/hook ${listed}.`;
    const detail =
      `Argo CD drops ${name} from the app without any error: it has no phase for helm.sh/hook ${listed} ` +
      `(only install, upgrade and delete hooks are mapped), so the object is never applied${unsupported.some((u) => u.startsWith('test')) ? ' (helm test hooks never run under Argo CD)' : ''}.`;
    return [finding(this, entry.valueLocation, message, { detail })];
  },
};
