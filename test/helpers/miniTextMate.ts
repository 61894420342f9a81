// A tiny single-line TextMate matcher over JavaScript regexes, enough to check a grammar's rules without
// vscode-textmate: `match` and single-line `begin`/`end` rules, `include` of repository items, captures.
// Oniguruma syntax the grammar may use is converted to JavaScript first (see `toJsRegex`).

export interface GrammarRule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  captures?: Record<string, { name: string }>;
  beginCaptures?: Record<string, { name: string }>;
  patterns?: GrammarRule[];
}

export interface Grammar {
  patterns: GrammarRule[];
  repository: Record<string, GrammarRule>;
}

export interface ScopedText {
  text: string;
  scope: string;
}

/** Oniguruma-only escapes mapped to JavaScript; throws on constructs JavaScript cannot express. */
export function toJsRegex(source: string): RegExp {
  if (/\(\?>|\(\?[imx-]+\)|\\[GhHzZ]|[*+?}]\+/.test(source)) {
    throw new Error(`Oniguruma-only construct in ${source}; rewrite the rule or convert it here`);
  }
  return new RegExp(source.replace(/\\A/g, '^'), 'g');
}

/** Every regex source in the grammar, with where it is. */
export function grammarRegexes(grammar: Grammar): Array<{ where: string; source: string }> {
  const found: Array<{ where: string; source: string }> = [];
  const visit = (rule: GrammarRule, where: string): void => {
    for (const key of ['match', 'begin', 'end'] as const) if (rule[key]) found.push({ where: `${where}.${key}`, source: rule[key]! });
    rule.patterns?.forEach((p, i) => visit(p, `${where}.patterns[${i}]`));
  };
  grammar.patterns.forEach((p, i) => visit(p, `patterns[${i}]`));
  for (const [name, rule] of Object.entries(grammar.repository)) visit(rule, `repository.${name}`);
  return found;
}

function resolve(grammar: Grammar, rules: readonly GrammarRule[]): GrammarRule[] {
  return rules.flatMap((rule) => {
    if (rule.include) return resolve(grammar, [grammar.repository[rule.include.slice(1)]]);
    // A rule with only `patterns` is a container: its patterns take part directly.
    return rule.match || rule.begin ? [rule] : resolve(grammar, rule.patterns ?? []);
  });
}

interface Hit {
  rule: GrammarRule;
  match: RegExpExecArray;
  isEnd: boolean;
}

function earliest(rules: readonly GrammarRule[], line: string, from: number, end?: string): Hit | undefined {
  let best: Hit | undefined;
  const consider = (source: string, rule: GrammarRule, isEnd: boolean): void => {
    const regex = toJsRegex(source);
    regex.lastIndex = from;
    const match = regex.exec(line);
    if (match && (!best || match.index < best.match.index)) best = { rule, match, isEnd };
  };
  if (end !== undefined) consider(end, {}, true);
  for (const rule of rules) consider(rule.match ?? rule.begin!, rule, false);
  return best;
}

function captured(match: RegExpExecArray, captures: Record<string, { name: string }> | undefined, out: ScopedText[]): void {
  for (const [group, { name }] of Object.entries(captures ?? {})) {
    const text = match[Number(group)];
    if (text) out.push({ text, scope: name });
  }
}

/** The named tokens the grammar produces on one line, in order. */
export function scopedTokens(grammar: Grammar, line: string): ScopedText[] {
  const out: ScopedText[] = [];
  let position = 0;
  let inside: GrammarRule | undefined;
  while (position <= line.length) {
    const rules = resolve(grammar, inside ? inside.patterns ?? [] : grammar.patterns);
    const hit = earliest(rules, line, position, inside?.end);
    if (!hit) break;
    const { match, rule } = hit;
    const after = match.index + match[0].length;
    if (hit.isEnd) {
      inside = undefined;
    } else if (rule.begin) {
      captured(match, rule.beginCaptures, out);
      inside = rule;
    } else {
      if (rule.name) out.push({ text: match[0], scope: rule.name });
      captured(match, rule.captures, out);
    }
    position = after > position ? after : position + 1;
  }
  return out;
}
