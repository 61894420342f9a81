// Value parsing exactly as Argo CD does it.

/**
 * `GetAnnotationCSVs` (gitops-engine sync/resource/annotations.go): split on ",", trim each item,
 * drop empty items and duplicates. No other separator is understood.
 */
export function parseCsv(value: string): string[] {
  const items: string[] = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (item !== '' && !items.includes(item)) items.push(item);
  }
  return items;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Go `strconv.Atoi` on a 64-bit platform: optional sign, ASCII digits, within int64, nothing else
 * (no spaces, no decimals, no underscores). Returns undefined when Go would return an error.
 */
export function goAtoi(value: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(value)) return undefined;
  const big = BigInt(value);
  if (big < INT64_MIN || big > INT64_MAX) return undefined;
  return Number(big);
}
