// k8s/shell-syntax: Kubernetes passes env values, ConfigMap data and exec-form command/args to the container as
// written; it only expands `$(VAR_NAME)` references (Kubernetes docs "Define dependent environment variables").
// Shell syntax there is never evaluated unless the container runs `sh -c`, so e.g. two hooks never share a value.

import type { K8sObject } from '../model/k8sObject';
import type { Finding, SourceLocation } from '../types';
import type { Rule, RuleContext } from './ruleTypes';
import { finding, fix } from './support/findings';
import { asArray, containersOf, isRecord, locationAt, podSpecOf, type YamlPath } from './support/podSpecs';
import { findShellSyntax, isEnvName, runsShellScript, type ShellSyntaxMatch } from './support/shellSyntax';
import { isTemplatedAt, writtenValue } from './support/sourceText';
import { label } from './support/objectFacts';

export const k8sShellSyntax: Rule = {
  code: 'k8s/shell-syntax',
  severity: 'warning',
  title: 'Shell syntax ($(date), ${RANDOM}, backticks) in a value no shell evaluates: the container gets it literally.',
  checkObject(object, context) {
    if (object.group === '' && object.kind === 'ConfigMap') return checkConfigMap(this, object, context);
    const pod = podSpecOf(object);
    if (!pod) return [];
    const findings: Finding[] = [];
    for (const { container, path, name } of containersOf(pod)) {
      const env = asArray(container.env);
      const known = new Set(env.filter(isRecord).map((e) => e.name).filter((n): n is string => typeof n === 'string'));
      env.forEach((variable, i) => {
        if (!isRecord(variable) || typeof variable.value !== 'string') return;
        const where = `env ${String(variable.name)} of container ${name} in ${label(object)}`;
        findings.push(...scan(this, object, context, [...path, 'env', i, 'value'], variable.value, known, where, 'no shell evaluates env values'));
      });
      // Without `command` the image's entrypoint decides, and it may well be a shell.
      if (!Array.isArray(container.command) || runsShellScript(container.command, container.args)) continue;
      for (const field of ['command', 'args'] as const) {
        asArray(container[field]).forEach((word, i) => {
          if (typeof word !== 'string') return;
          const where = `${field} of container ${name} in ${label(object)}`;
          findings.push(...scan(this, object, context, [...path, field, i], word, known, where, 'its command is not run through a shell such as `sh -c`'));
        });
      }
    }
    return findings;
  },
};

/** Only single-line values under environment-style keys: those are read as env (envFrom), never by a shell. */
function checkConfigMap(rule: Rule, object: K8sObject, context: RuleContext): Finding[] {
  const data = isRecord(object.body.data) ? object.body.data : {};
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string' || value.includes('\n') || !isEnvName(key)) continue;
    const where = `key ${key} of ${label(object)}`;
    findings.push(...scan(rule, object, context, ['data', key], value, new Set(), where, 'ConfigMap values used as environment variables are never evaluated by a shell'));
  }
  return findings;
}

function scan(
  rule: Rule,
  object: K8sObject,
  context: RuleContext,
  path: YamlPath,
  value: string,
  known: ReadonlySet<string>,
  where: string,
  why: string,
): Finding[] {
  const valueAt = locationAt(object, path, value);
  if (isTemplatedAt(context, valueAt)) return [];
  const written = valueAt.span === object.source.anchor ? undefined : writtenValue(context, valueAt, value);
  return findShellSyntax(value, known).map((match) => {
      const at: SourceLocation = written ? { file: valueAt.file, span: { start: written.innerStart + match.index, end: written.innerStart + match.index + match.text.length } } : valueAt;
      return finding(rule, at, shortMessage(match), {
        detail: messageFor(match, where, why),
        fixes: [match.kubernetesForm && written ? fix(`Use Kubernetes' ${match.kubernetesForm}`, [{ file: at.file, span: at.span, newText: match.kubernetesForm }], true) : undefined],
      });
    });
}

function shortMessage(match: ShellSyntaxMatch): string {
  if (match.kubernetesForm) return `Passed to the container literally: Kubernetes only expands \`${match.kubernetesForm}\`.`;
  return `${code(match.text)} reaches the container as literal text: no shell evaluates it here.`;
}

function messageFor(match: ShellSyntaxMatch, where: string, why: string): string {
  if (match.kubernetesForm) {
    return `Kubernetes passes ${code(match.text)} in ${where} to the container literally: it only expands \`${match.kubernetesForm}\`. Write \`${match.kubernetesForm}\`.`;
  }
  return (
    `Kubernetes passes ${code(match.text)} in ${where} to the container literally (${why}), so the program sees this text, ` +
    `not a computed value, and two hooks never share a generated value. Compute it in the container (for example with \`sh -c\`).`
  );
}

/** Inline code for messages; text that itself holds backticks is shown in double quotes. */
function code(text: string): string {
  return text.includes('`') ? `"${text}"` : `\`${text}\``;
}
