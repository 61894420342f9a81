// The text of a metadata value for messages and plans. A map or list (which Argo CD cannot decode as an
// annotation) is shown as JSON, never as JavaScript's "[object Object]".

export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !(value instanceof Date)) {
    try {
      return JSON.stringify(value) ?? '';
    } catch {
      return '';
    }
  }
  return String(value);
}
