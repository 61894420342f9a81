// Problems with a folder's `.syncplan.yaml` as findings on that file, each at the entry it is about.
// The core (`parseSyncplanConfig`) says what is wrong in words; this file only finds where.

import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { parseSyncplanConfig } from './severityConfig';
import type { Finding, Span } from '../types';

export const CONFIG_PROBLEM_CODE = 'syncplan/config';

export function projectConfigFindings(file: string, text: string): Finding[] {
  const problems = parseSyncplanConfig(text).problems;
  if (problems.length === 0) return [];
  const doc = parseDocument(text, { version: '1.2', logLevel: 'error' });
  const firstLine: Span = { start: 0, end: Math.max(text.indexOf('\n'), 0) || text.length };
  const spanOf = (node: Node | null | undefined): Span | undefined =>
    node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
  const root = doc.contents;
  const topPair = (key: string): Pair<Node, Node> | undefined =>
    isMap(root) ? (root.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  const rulePair = (code: string): Pair<Node, Node> | undefined => {
    const rules = topPair('rules')?.value;
    return isMap(rules) ? (rules.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && String(p.key.value) === code) : undefined;
  };
  const locate = (message: string): Span | undefined => {
    if (/is not valid YAML/.test(message)) {
      const pos = doc.errors[0]?.pos;
      return pos ? { start: pos[0], end: Math.max(pos[1], pos[0] + 1) } : undefined;
    }
    if (/must be a mapping with the keys/.test(message)) return spanOf(root);
    const quoted = /"([^"]*)"/.exec(message)?.[1];
    if (quoted !== undefined && /^Unknown key /.test(message)) return spanOf(topPair(quoted)?.key);
    if (quoted !== undefined && /^Unknown rule code /.test(message)) return spanOf(rulePair(quoted)?.key);
    if (quoted !== undefined && /^The severity of /.test(message)) {
      const pair = rulePair(quoted);
      return spanOf(pair?.value) ?? spanOf(pair?.key);
    }
    if (/^"rules" must map/.test(message)) return spanOf(topPair('rules')?.value) ?? spanOf(topPair('rules')?.key);
    if (/^"exclude" must be a list/.test(message)) return spanOf(topPair('exclude')?.value) ?? spanOf(topPair('exclude')?.key);
    if (/^Ignored exclude entry /.test(message)) {
      const exclude = topPair('exclude')?.value;
      const shown = message.slice('Ignored exclude entry '.length, message.lastIndexOf(':'));
      const item = isSeq(exclude) ? (exclude.items as Node[]).find((i) => JSON.stringify(i?.toJSON?.() ?? null) === shown) : undefined;
      return spanOf(item) ?? spanOf(exclude);
    }
    return undefined;
  };
  return problems.map((message) => {
    const span = locate(message);
    return {
      code: CONFIG_PROBLEM_CODE,
      // The valid entries still apply: only a file that cannot be read at all is an error.
      severity: /is not valid YAML/.test(message) ? 'error' : 'warning',
      message,
      file,
      span: span && span.end > span.start ? span : firstLine,
    };
  });
}
