// hook/skip-combined: Skip only holds when it is the sole hook type; next to another type the object is an
// ordinary hook of that type and Skip is ignored (semantics 3.1; gitops-engine test TestSkipAndHook).

import { SYNC_HOOK_TYPES } from '../catalogue';
import { HOOK } from '../catalogue/keys';
import { finding, fix } from './support/findings';
import { csvItems, isJudgeable, replaceValueEdit } from './support/sourceText';
import type { Rule } from './ruleTypes';
import { label } from './support/objectFacts';

const SKIP = 'Skip';

export const hookSkipCombined: Rule = {
  code: 'hook/skip-combined',
  severity: 'warning',
  title: 'Skip combined with another hook type: Skip is ignored and the object runs as a hook.',
  checkObject(object, context) {
    const entry = object.annotations.get(HOOK);
    if (!isJudgeable(context, entry) || entry.text === undefined) return [];
    const items = csvItems(context, entry);
    const skip = items.find((i) => i.text === SKIP);
    const others = items.filter((i) => i.text !== SKIP && SYNC_HOOK_TYPES.includes(i.text)).map((i) => i.text);
    if (!skip || others.length === 0) return [];
    const message = `Argo CD ignores Skip combined with ${others.join(', ')} and applies this object as a hook on every sync.`;
    const detail =
      `Argo CD ignores Skip on ${label(object)} because it is combined with ${others.join(', ')}: the object is applied as a ` +
      `${others.join(' and ')} hook on every sync. Keep Skip alone to never apply it, or remove Skip.`;
    return [
      finding(this, skip.location, message, { detail,
        fixes: [
          fix('Keep only Skip (never apply this object)', [replaceValueEdit(context, entry, SKIP)]),
          fix(`Remove Skip (run as ${others.join(',')})`, [replaceValueEdit(context, entry, items.filter((i) => i !== skip).map((i) => i.text).join(','))]),
        ],
      }),
    ];
  },
};
