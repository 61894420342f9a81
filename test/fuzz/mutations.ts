// Mutations a hostile workspace could contain: damaged lines and bytes, shifted indentation, odd annotation
// values, prototype keys, kustomizations with cycles, `..` and absolute paths, regex and glob bombs, links,
// pipes and other encodings. Each takes the generator, so an input is rebuilt exactly from its seed.

import type { Prng } from './prng';

export interface FuzzWorkspace {
  /** Relative path -> content (a Buffer for non-UTF-8 encodings). */
  files: Map<string, string | Buffer>;
  /** Symbolic links: relative path -> target as written. */
  links: Map<string, string>;
  /** Named pipes to create. */
  fifos: string[];
  /** Exclude globs passed to the analysis. */
  exclude: string[];
}

const ANNOTATION_KEYS = [
  'argocd.argoproj.io/sync-wave',
  'argocd.argoproj.io/hook',
  'argocd.argoproj.io/hook-delete-policy',
  'argocd.argoproj.io/sync-options',
  'argocd.argoproj.io/compare-options',
  'helm.sh/hook',
  'helm.sh/hook-weight',
  'helm.sh/hook-delete-policy',
  'argocd.argoproj.io/manifest-generate-paths',
  'kargo.akuity.io/authorized-stage',
  '__proto__',
  'constructor',
];

const WEIRD_VALUES = [
  '{a: 1}', '[1, 2]', '"5"', '5', '-0', '1e400', '"  -3 "', '0x10', '.inf', '~', '""', 'null', 'true', '"PreSync,PostSync"',
  '"Skip"', '"BeforeHookCreation,HookSucceeded"', '"Prune=false,ServerSideApply=true"', '*undefined', '&a [*a]',
  '!!binary aGVsbG8=', '"{{ .Values.x }}"', '"__proto__"', `"${'9'.repeat(40)}"`, '|\n      multi\n      line',
  '{__proto__: {polluted: yes}}', '!!map {}', '<<: *x',
];

const WEIRD_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '<<', '"__proto__"', '? [a]', '!!str 1'];

const GLOB_BOMBS = ['*a*a*a*a*a*a*a*a*a*a*b', '{a,{b,{c,{d,{e,f}}}}}', '[', '**/**/**/**/**/*.yaml', '\\', '[!]', '*.{yaml', '?*?*?*?*?*?*?*x', '{,}{,}{,}{,}{,}{,}{,}{,}{,}{,}'];
const REGEX_BOMBS = ['(a+)+$', '(a|a)*b', '((a*)*)*', '[', '(?P<x>a)', '\\p{Greek}+', '(?i)DEPLOYMENT', '.*', '^$', 'a{1000}{1000}'];

const LONG_NAME = 'a'.repeat(5000);

export type Mutation = (w: FuzzWorkspace, rng: Prng) => void;

function textFiles(w: FuzzWorkspace): string[] {
  return [...w.files.keys()].filter((k) => typeof w.files.get(k) === 'string');
}

function editText(w: FuzzWorkspace, rng: Prng, edit: (text: string) => string): void {
  const names = textFiles(w);
  if (names.length === 0) return;
  const name = rng.pick(names);
  w.files.set(name, edit(w.files.get(name) as string));
}

function editLines(w: FuzzWorkspace, rng: Prng, edit: (lines: string[]) => void): void {
  editText(w, rng, (text) => {
    const lines = text.split('\n');
    edit(lines);
    return lines.join('\n');
  });
}

function folders(w: FuzzWorkspace): string[] {
  const set = new Set<string>(['.']);
  for (const name of w.files.keys()) {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) set.add(parts.slice(0, i).join('/'));
  }
  return [...set].sort();
}

function folderOf(name: string): string {
  const i = name.lastIndexOf('/');
  return i < 0 ? '.' : name.slice(0, i);
}

function inFolder(folder: string, name: string): string {
  return folder === '.' ? name : `${folder}/${name}`;
}

const deleteLine: Mutation = (w, rng) => editLines(w, rng, (lines) => void lines.splice(rng.int(lines.length), 1 + rng.int(3)));
const duplicateLine: Mutation = (w, rng) =>
  editLines(w, rng, (lines) => {
    const i = rng.int(lines.length);
    lines.splice(i, 0, ...lines.slice(i, i + 1 + rng.int(4)));
  });
const swapLines: Mutation = (w, rng) =>
  editLines(w, rng, (lines) => {
    const a = rng.int(lines.length);
    const b = rng.int(lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
  });
const shiftIndent: Mutation = (w, rng) =>
  editLines(w, rng, (lines) => {
    const start = rng.int(lines.length);
    const shift = rng.pick([-2, -1, 1, 2, 4]);
    for (let i = start; i < Math.min(lines.length, start + 1 + rng.int(6)); i++) {
      lines[i] = shift > 0 ? ' '.repeat(shift) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-shift}}`), '');
    }
  });
const byteNoise: Mutation = (w, rng) =>
  editText(w, rng, (text) => {
    const at = rng.int(text.length + 1);
    const noise = rng.pick(['\u0000', '\r', '\t', '\uFEFF', '\uFFFD', '{{', '}}', '*', '&', '!', '%', '"', "'", ':', '- ', '---\n', '...\n', '\\', '\u2028', '\uD800', '#']);
    return rng.chance(0.3) ? text.slice(0, at) + noise + text.slice(at + 1) : text.slice(0, at) + noise + text.slice(at);
  });
const truncate: Mutation = (w, rng) => editText(w, rng, (text) => text.slice(0, rng.int(text.length + 1)));

const weirdAnnotation: Mutation = (w, rng) =>
  editText(w, rng, (text) => {
    const entry = `    ${rng.pick(ANNOTATION_KEYS)}: ${rng.pick(WEIRD_VALUES)}`;
    const block = rng.pick(['annotations', 'labels']);
    if (new RegExp(`^  ${block}:\\s*$`, 'm').test(text)) return text.replace(new RegExp(`^  ${block}:\\s*$`, 'm'), `  ${block}:\n${entry}`);
    return text.replace(/^metadata:\s*$/m, `metadata:\n  ${block}:\n${entry}`);
  });

const prototypeKey: Mutation = (w, rng) =>
  editLines(w, rng, (lines) => {
    const i = rng.int(lines.length);
    const indent = /^\s*/.exec(lines[i] ?? '')?.[0] ?? '';
    lines.splice(i, 0, `${indent}${rng.pick(WEIRD_KEYS)}: ${rng.pick(['{polluted: yes}', 'yes', '[1]', 'null', '{namespace: hacked}'])}`);
  });

const longName: Mutation = (w, rng) => editText(w, rng, (text) => text.replace(/^( {2}name:) .*$/m, `$1 ${rng.chance(0.5) ? LONG_NAME : `${LONG_NAME}-x`}`));

/** A kustomization with hostile references, patches and selectors in a random folder. */
const hostileKustomization: Mutation = (w, rng) => {
  const all = folders(w);
  const folder = rng.pick(all);
  const refs = Array.from({ length: 1 + rng.int(4) }, () =>
    rng.pick(['.', '..', '../..', '/etc', '/etc/passwd', '/dev/zero', 'kustomization.yaml', 'missing.yaml', 'https://example.com/x.yaml', 'github.com/a/b//c?ref=v1', rng.pick(all), ...textFiles(w).map((f) => relativeFrom(folder, f))]),
  );
  const lines = ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', `resources:\n${refs.map((r) => `- ${rng.chance(0.2) ? '.' : JSON.stringify(r)}`).join('\n')}`];
  if (rng.chance(0.5)) lines.push(`namespace: ${rng.pick(['ns', '__proto__', '"[x]"', '{a: 1}'])}`);
  if (rng.chance(0.6)) lines.push(`patches:\n${patchEntry(rng)}`);
  if (rng.chance(0.3)) lines.push(`commonAnnotations:\n  ${rng.pick(ANNOTATION_KEYS)}: ${rng.pick(WEIRD_VALUES)}`);
  if (rng.chance(0.2)) lines.push(`components:\n- ${rng.pick(['..', '.', '/tmp'])}`);
  w.files.set(inFolder(folder, rng.pick(['kustomization.yaml', 'kustomization.yml', 'Kustomization'])), `${lines.join('\n')}\n`);
};

function patchEntry(rng: Prng): string {
  const target = `  target:\n    ${rng.pick(['name', 'kind', 'namespace', 'group', 'labelSelector', 'annotationSelector'])}: ${JSON.stringify(rng.pick(REGEX_BOMBS))}`;
  const jsonPatch = JSON.stringify([
    rng.pick([
      { op: 'add', path: '/__proto__/polluted', value: 'yes' },
      { op: 'add', path: '/metadata/__proto__/namespace', value: 'hacked' },
      { op: 'add', value: 1 },
      { op: 'replace', path: '/constructor/prototype/x', value: 1 },
      { op: 'remove', path: '/metadata/name' },
      { op: 'move', from: '/spec', path: '/spec/x' },
      { op: 'copy', from: '/metadata', path: '/metadata/annotations/x' },
      { op: 'test', path: '/kind', value: {} },
      { op: 'bogus' },
    ]),
  ]);
  const smp = rng.pick([
    'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: x\\n  __proto__:\\n    polluted: yes\\n',
    'kind: Deployment\\nmetadata:\\n  name: a\\nspec: *undefinedAlias\\n',
    '<<: *scalar\\nkind: Job\\n',
    'apiVersion: apps/v1\\nkind: Deployment\\nmetadata:\\n  name: a\\n  constructor:\\n    prototype: {x: 1}\\n  $patch: delete\\n',
    '$patch: replace\\n',
  ]);
  return `- ${rng.chance(0.7) ? `${target.trimStart()}\n` : ''}  patch: ${JSON.stringify(rng.chance(0.5) ? jsonPatch : smp.replace(/\\n/g, '\n'))}`;
}

function relativeFrom(folder: string, file: string): string {
  if (folder === '.') return file;
  const up = folder.split('/').map(() => '..').join('/');
  return `${up}/${file}`;
}

/** Two kustomizations that include each other. */
const kustomizeCycle: Mutation = (w) => {
  w.files.set('cycle-a/kustomization.yaml', 'resources:\n- ../cycle-b\n');
  w.files.set('cycle-b/kustomization.yaml', 'resources:\n- ../cycle-a\n');
};

/** An Application whose source points at a random folder, with odd directory options and globs. */
const hostileApplication: Mutation = (w, rng) => {
  const path = rng.pick([...folders(w), '..', '/', '../../etc', '']);
  const directory = rng.chance(0.6)
    ? `\n    directory:\n      recurse: ${rng.pick(['true', 'false', '"yes"', '{}'])}\n      include: ${JSON.stringify(rng.pick(GLOB_BOMBS))}\n      exclude: ${JSON.stringify(rng.pick(GLOB_BOMBS))}`
    : '';
  const annotation = rng.chance(0.5) ? `\n  annotations:\n    ${rng.pick(ANNOTATION_KEYS)}: ${rng.pick(WEIRD_VALUES)}` : '';
  w.files.set(`app-${rng.int(1000)}.yaml`, `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: fuzz-${rng.int(100)}\n  namespace: argocd${annotation}\nspec:\n  project: default\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: ${rng.pick(['ns', '__proto__', '[1]'])}\n  source:\n    repoURL: ${rng.pick(['https://github.com/x/y.git', '.', '{}'])}\n    path: ${JSON.stringify(path)}${directory}\n  syncPolicy:\n    syncOptions: ${rng.pick(['[CreateNamespace=true]', '{a: 1}', '[[1]]', '"x"'])}\n`);
};

const link: Mutation = (w, rng) => {
  const folder = rng.pick(folders(w));
  const target = rng.pick(['/etc', '/etc/passwd', '/dev/zero', '/dev/stdin', '.', '..', '../..', 'missing', ...textFiles(w).slice(0, 5).map((f) => relativeFrom(folder, f))]);
  w.links.set(inFolder(folder, rng.pick(['link', 'loop', 'leak.yaml', 'kustomization.yaml', 'base'])), target);
};

const fifo: Mutation = (w, rng) => void w.fifos.push(inFolder(rng.pick(folders(w)), rng.pick(['pipe.yaml', 'kustomization.yaml'])));

const encoding: Mutation = (w, rng) => {
  const names = textFiles(w);
  if (names.length === 0) return;
  const name = rng.pick(names);
  const text = w.files.get(name) as string;
  const kind = rng.int(4);
  if (kind === 0) w.files.set(name, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  else if (kind === 1) w.files.set(name, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
  else if (kind === 2) w.files.set(name, text.replace(/\n/g, '\r'));
  else w.files.set(name, text.replace(/\n/g, '\r\n'));
};

const excludeGlob: Mutation = (w, rng) => void w.exclude.push(rng.pick([...GLOB_BOMBS, '**', 'cycle-*', '.']));

const manyDocuments: Mutation = (w, rng) => {
  const doc = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m{i}\n  annotations:\n    argocd.argoproj.io/sync-wave: "{w}"\n';
  const count = 50 + rng.int(500);
  w.files.set(`many-${rng.int(10)}.yaml`, Array.from({ length: count }, (_, i) => doc.replace('{i}', String(i)).replace('{w}', String(rng.int(20) - 10))).join('---\n'));
};

const unclosedTemplate: Mutation = (w, rng) => editText(w, rng, (text) => `${text}\n${'{{ '.repeat(1 + rng.int(2000))}`);

/** Weighted list: line and byte damage is the most common, structural attacks less so. */
export const MUTATIONS: readonly [Mutation, number][] = [
  [deleteLine, 4], [duplicateLine, 3], [swapLines, 2], [shiftIndent, 4], [byteNoise, 5], [truncate, 2],
  [weirdAnnotation, 5], [prototypeKey, 3], [longName, 1], [hostileKustomization, 4], [kustomizeCycle, 1],
  [hostileApplication, 3], [link, 2], [fifo, 1], [encoding, 2], [excludeGlob, 1], [manyDocuments, 1], [unclosedTemplate, 1],
];

export function pickMutation(rng: Prng): Mutation {
  const total = MUTATIONS.reduce((sum, [, weight]) => sum + weight, 0);
  let at = rng.next() * total;
  for (const [mutation, weight] of MUTATIONS) {
    at -= weight;
    if (at < 0) return mutation;
  }
  return MUTATIONS[0][0];
}
