// Shared reading of hook-type and delete-policy values for the hook rules.

import { closestMatch } from '../../catalogue';
import type { MetadataEntry } from '../../model/k8sObject';
import type { RuleContext } from '../ruleTypes';
import { csvItems, type CsvItem } from './sourceText';

export interface ItemCheck {
  item: CsvItem;
  /** The valid value(s) the author evidently meant: a case or spelling fix, or `A;B` split on the wrong separator. */
  correction?: string[];
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
    result.invalid.push({ item, correction: correctionFor(item.text, valid) });
  }
  return result;
}

function correctionFor(text: string, valid: readonly string[]): string[] | undefined {
  // `PreSync;PostSync` or `PreSync PostSync`: Argo CD only splits on commas.
  const parts = text.split(/[;\s|]+/).filter((p) => p !== '');
  if (parts.length > 1) {
    const fixed = parts.map((p) => closestMatch(p, valid));
    return fixed.every((p): p is string => p !== undefined) ? [...new Set(fixed)] : undefined;
  }
  const match = closestMatch(text, valid);
  return match === undefined ? undefined : [match];
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

export function describeCorrection(check: ItemCheck): string {
  if (!check.correction) return '';
  return check.item.text.split(/[;\s|]+/).filter((p) => p !== '').length > 1
    ? `; Argo CD only splits on commas, did you mean \`${check.correction.join(',')}\`?`
    : `; did you mean \`${check.correction[0]}\`?`;
}
