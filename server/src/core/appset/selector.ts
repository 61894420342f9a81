// Kubernetes label selectors as the ApplicationSet controller applies them: the generator's post `selector`
// over each parameter set's string values, and the clusters generator's selector over Secret labels.

import { asRecord, GeneratorError } from './generatorTypes';
import type { FieldPath } from './templateRender';

/** Returns a matcher, or throws GeneratorError for an operator Kubernetes rejects ("error parsing label selector"). */
export function labelSelector(selector: unknown, path: FieldPath): (labels: Record<string, string>) => boolean {
  const s = asRecord(selector) ?? {};
  const matchLabels = Object.entries(asRecord(s.matchLabels) ?? {}).map(([key, value]) => ({ key, operator: 'In', values: [String(value)] }));
  const expressions = (Array.isArray(s.matchExpressions) ? s.matchExpressions : []).map((entry, i) => {
    const e = asRecord(entry) ?? {};
    const operator = String(e.operator ?? '');
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(operator)) {
      throw new GeneratorError(`error parsing label selector: "${operator}" is not a valid label selector operator`, [...path, 'matchExpressions', i, 'operator']);
    }
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    return { key: String(e.key ?? ''), operator, values };
  });
  const requirements = [...matchLabels, ...expressions];
  return (labels) =>
    requirements.every(({ key, operator, values }) => {
      const has = Object.prototype.hasOwnProperty.call(labels, key);
      switch (operator) {
        case 'In':
          return has && values.includes(labels[key]);
        case 'NotIn':
          return !has || !values.includes(labels[key]);
        case 'Exists':
          return has;
        default:
          return !has;
      }
    });
}

/** Only top-level string parameters take part in the post selector (keepOnlyStringValues). */
export function stringParams(params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
