// Shared reading of hook-type and delete-policy values for the hook rules.

import { closestMatch } from '../../catalogue';
import type { MetadataEntry } from '../../model/k8sObject';
import type { RuleContext } from '../ruleTypes';
import { csvItems, type CsvItem } from './sourceText';

export interface ItemCheck {
  item: CsvItem;
  /** The valid value(s) the author evidently meant: a case or spelling fix, or `A;B` split on the wrong separator. */
  correction?: string[];
  /** True when the item holds several values joined by something other than a comma. */
  splitWrongly: boolean;
}

/** Splits a value like Argo CD (`,` only, trimmed) and works out corrections for the items that match nothing. */
export interface ItemsCheck {
  items: CsvItem[];
  valid: CsvItem[];
  invalid: ItemCheck[];
}

export function checkItems(context: RuleContext, entry: MetadataEntry, valid: readonly string[]): ItemsCheck {
  const items = csvItems(context, entry);
  const result: ItemsCheck = { items, valid: [], invalid: [] };
  for (const item of items) {
    if (valid.includes(item.text)) {
      result.valid.push(item);
      continue;
    }
    result.invalid.push({ item, ...correctionFor(item.text, valid) });
  }
  return result;
}

function correctionFor(text: string, valid: readonly string[]): Pick<ItemCheck, 'correction' | 'splitWrongly'> {
  // Spaces around `=` are not trimmed inside an item: `Replace = true` matches nothing.
  const compact = text.replace(/\s*=\s*/g, '=');
  // `PreSync;PostSync` or `PreSync PostSync`: Argo CD only splits on commas.
  const parts = compact.split(/[;\s|]+/).filter((p) => p !== '');
  if (parts.length > 1) {
    const fixed = parts.map((p) => closestMatch(p, valid));
    if (fixed.every((p): p is string => p !== undefined)) return { correction: [...new Set(fixed)], splitWrongly: true };
  }
  const match = closestMatch(compact, valid);
  return { correction: match === undefined ? undefined : [match], splitWrongly: false };
}

/** The corrected value when every invalid item has a correction, else undefined. */
export function correctedValue(check: ItemsCheck): string[] | undefined {
  if (check.invalid.length === 0 || check.invalid.some((i) => i.correction === undefined)) return undefined;
  const out: string[] = [];
  for (const item of check.items) {
    const bad = check.invalid.find((i) => i.item === item);
    for (const value of bad ? (bad.correction as string[]) : [item.text]) if (!out.includes(value)) out.push(value);
  }
  return out;
}

/** The correction in a few words for one-sentence messages: the full suggestion goes in the detail and the fix. */
export function shortCorrection(check: ItemCheck): string {
  if (!check.correction) return '';
  return check.splitWrongly ? '; Argo CD splits on commas only.' : `; did you mean \`${check.correction[0]}\`?`;
}

export function describeCorrection(check: ItemCheck): string {
  if (!check.correction) return '';
  return check.splitWrongly
    ? `; Argo CD only splits on commas, did you mean \`${check.correction.join(',')}\`?`
    : `; did you mean \`${check.correction[0]}\`?`;
}
