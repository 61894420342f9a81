// Recognises container commands that delete resources (kubectl delete, SQL DROP, topic or bucket removal), so a
// rule can judge a hook by what it does rather than by any word that appears in its script.

import { runsShellScript } from './shellSyntax';

/** Words that start a simple command without being the program: `sudo`, `exec`, `env`, `VAR=value`. */
const PREFIXES = new Set(['sudo', 'exec', 'env', 'time', 'nohup', 'command']);
/** Programs whose arguments are text to print, never an action. */
const PRINTERS = new Set(['echo', 'printf', 'cat', 'log', 'logger', ':', 'true']);
const SQL_DROP = /\b(drop\s+(table|database|schema|index|view|user|role|collection|keyspace)|truncate\s+(table\s+)?[a-z_"`])/i;
const CLOUD_CLIS = new Set(['aws', 'gcloud', 'az', 'doctl', 'gsutil', 'mc', 's3cmd', 'rclone', 'rpk', 'redis-cli']);

/** A short description of the first resource-deleting action in the container's command and args, if any. */
export function deletingAction(command: unknown, args: unknown): string | undefined {
  const words = [...(Array.isArray(command) ? command : []), ...(Array.isArray(args) ? args : [])].filter((w): w is string => typeof w === 'string');
  if (words.length === 0) return undefined;
  if (!runsShellScript(command, args)) return actionOf(words);
  const script = words.filter((w) => !/^-[a-zA-Z]*c[a-zA-Z]*$/.test(w) && !/^(\/\S*\/)?(ba|da|a|z|k|mk)?sh$/.test(w)).join('\n');
  for (const simple of simpleCommands(script)) {
    const found = actionOf(shellWords(simple));
    if (found) return found;
  }
  return undefined;
}

/** Splits a script on newlines, `;`, `&&`, `||`, `|` and parentheses, dropping comments (quotes are kept intact). */
function simpleCommands(script: string): string[] {
  const commands: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote) {
      if (c === quote) quote = undefined;
      current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      current += c;
    } else if (c === '#' && (current === '' || /\s$/.test(current))) {
      while (i < script.length && script[i] !== '\n') i++;
      commands.push(current);
      current = '';
    } else if (c === '\n' || c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
      commands.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  commands.push(current);
  return commands.map((c) => c.trim()).filter((c) => c !== '');
}

/** Words of one simple command with quotes removed (a quoted string stays one word). */
function shellWords(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function actionOf(words: string[]): string | undefined {
  let start = 0;
  while (start < words.length && (PREFIXES.has(words[start]) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[start]))) start++;
  const argv = words.slice(start);
  const program = (argv[0] ?? '').split('/').pop()?.toLowerCase() ?? '';
  if (PRINTERS.has(program)) return undefined;
  const rest = argv.slice(1).map((w) => w.toLowerCase());
  if ((program === 'kubectl' || program === 'oc') && rest.includes('delete')) return `${program} delete`;
  if (program === 'helm' && ['uninstall', 'delete', 'del', 'un'].includes(rest[0] ?? '')) return `helm ${rest[0]}`;
  if (program.startsWith('kafka-topics') && rest.includes('--delete')) return 'kafka-topics --delete';
  if (CLOUD_CLIS.has(program)) {
    const verb = rest.find((w) => ['delete', 'rm', 'rb', 'del', 'purge', 'flushall', 'flushdb'].includes(w));
    if (verb) return `${program} … ${verb}`;
  }
  if (program === 'curl' && argv.some((w, i) => /^(-X|--request)$/.test(argv[i - 1] ?? '') && w.toUpperCase() === 'DELETE')) return 'curl -X DELETE';
  const sql = argv.join(' ').match(SQL_DROP);
  if (sql) return sql[1].toUpperCase().replace(/\s+/g, ' ');
  return undefined;
}
