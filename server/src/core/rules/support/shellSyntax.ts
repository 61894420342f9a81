// Finds shell syntax in a string that no shell will evaluate. Kubernetes itself only expands `$(VAR_NAME)`
// (and `$$` escapes it); everything else reaches the container as written.

export interface ShellSyntaxMatch {
  index: number;
  text: string;
  /** The `$(VAR)` form to suggest when `${VAR}` names a variable Kubernetes could expand. */
  kubernetesForm?: string;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Variables only a shell fills in. */
const SHELL_ONLY_VARIABLES = new Set(['RANDOM', 'SECONDS', 'EPOCHSECONDS', 'EPOCHREALTIME', 'BASHPID', 'PPID', 'SRANDOM']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);

/** Shell constructs in `value`; `${VAR}` counts only for shell-only variables or names in `knownVariables`. */
export function findShellSyntax(value: string, knownVariables: ReadonlySet<string> = new Set()): ShellSyntaxMatch[] {
  const matches: ShellSyntaxMatch[] = [];
  const escaped = (index: number) => index > 0 && value[index - 1] === '$';
  for (const m of value.matchAll(/\$\(\([^()]*\)\)|\$\(([^()]*)\)/g)) {
    const inner = m[1];
    if (escaped(m.index ?? 0) || (inner !== undefined && ENV_NAME.test(inner))) continue;
    matches.push({ index: m.index ?? 0, text: m[0] });
  }
  for (const m of value.matchAll(/`[A-Za-z][^`]*`/g)) matches.push({ index: m.index ?? 0, text: m[0] });
  for (const m of value.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$(RANDOM|SRANDOM|EPOCHSECONDS)\b/g)) {
    const name = m[1] ?? m[2];
    if (escaped(m.index ?? 0)) continue;
    if (SHELL_ONLY_VARIABLES.has(name)) matches.push({ index: m.index ?? 0, text: m[0] });
    else if (m[1] !== undefined && knownVariables.has(name)) matches.push({ index: m.index ?? 0, text: m[0], kubernetesForm: `$(${name})` });
  }
  return matches.sort((a, b) => a.index - b.index);
}

/** True when command+args start a shell with `-c` (e.g. `sh -c`, `/bin/bash -ec`): the script is evaluated. */
export function runsShellScript(command: unknown, args: unknown): boolean {
  const words = [...(Array.isArray(command) ? command : []), ...(Array.isArray(args) ? args : [])].filter((w): w is string => typeof w === 'string');
  const shellAt = words.findIndex((w) => SHELLS.has(w.split('/').pop() ?? ''));
  return shellAt >= 0 && words.slice(shellAt + 1).some((w) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w));
}

export function isEnvName(name: string): boolean {
  return ENV_NAME.test(name);
}
