// Which files with `{{` are Helm templates and which are plain YAML read as written (parse/literalBraces.ts):
// each text below with whether the parse treats it as a template.

import assert from 'node:assert/strict';
import { parseYamlFile } from '../../server/src/core/parse/parseYamlFile';

const cases: [string, string, boolean][] = [
  ['an action as a value', 'a: {{ .Values.x }}\n', true],
  ['an action line', 'a: 1\n{{- if .Values.b }}\nb: 2\n{{- end }}\n', true],
  ['an action as a list item', 'a:\n  - {{ .Values.x }}\n', true],
  ['an action in a flow list', 'a: [x, {{ .Values.x }}]\n', true],
  ['an action after text in a flow list, where { is an indicator', 'a: [x, y{{ a }}]\n', true],
  ['an action inside a quoted string in a flow list', 'a: [x, "y{{ a }}"]\n', false],
  ['an action inside a quoted string', 'a: "x-{{ .Values.x }}"\n', false],
  ['an action inside a plain string', 'a: x-{{ .x }} and {{ .y }}\n', false],
  ['a colon without a space before the action', 'a: stage:{{path.basename}}\n', false],
  ['actions in a block scalar, also at line starts', 'a: |\n  {{- if .x }}\n  k: {{ .y }}\nb: 1\n', false],
  ['an action in a comment', '# uses {{ .x }}\na: 1\n', false],
  ['an action after the block scalar ends', 'a: |\n  text\nb: {{ .x }}\n', true],
  ['an action in a key position that parses as a flow map', 'a:\n  {{ .x }}: 1\n', true],
  ['an unclosed {{ inside a quoted string is text to YAML', 'a: "{{ .x"\n', false],
  ['`: {{` inside a quoted string (escaped Helm actions in an alert text)', "description: 'cluster \"{{`{{`}} $labels.cluster {{`}}`}}\": {{`{{`}} $value {{`}}`}} changes'\n", false],
  ['`: {{` after a closed quoted string is a node start', 'a: "x"\nb: {{ .y }}\n', true],
  ['an unclosed {{ where a value starts', 'a: {{ .x\n', true],
  [
    'a {{ in a comment that a later }} would close (grafana values: "{{" must be escaped)',
    '## If a value contains "{{", escape it\nb: 1\n# {{ `{{ include "m" . }}` }}\nc: "{{ .d }}"\n',
    false,
  ],
  [
    'actions at the starts of lines that continue a multi-line plain scalar (a Prometheus alert text)',
    'description:\n  Claimed by {{ $labels.pvc\n  }} in {{ $labels.namespace }} {{ with $labels.cluster -}} on\n  {{ . }} {{- end }} is full.\nsummary: x\n',
    false,
  ],
  ['an action line after a key with a value, at the same indentation', 'a:\n  b: 1\n  {{- if .x }}\n  c: 2\n  {{- end }}\n', true],
  ['an action line more indented than a key with a value continues that value (YAML reads "1 {{ .x }}")', 'a: 1\n  {{ .x }}\n', false],
  ['an action line after a comment line', 'a:\n  # note\n  {{- include "x" . }}\n', true],
];

describe('parse: `{{` read as written or as a template', () => {
  for (const [label, text, templated] of cases) {
    it(`${label}: ${templated ? 'a template' : 'read as written'}`, () => {
      const parsed = parseYamlFile('/w/f.yaml', text);
      assert.equal(parsed.templated, templated);
      if (!templated) assert.deepEqual(parsed.problems, []);
    });
  }
});
