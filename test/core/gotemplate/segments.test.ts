// Output segments map rendered text back to the template position that produced it: an action maps to its
// first pipeline token (Go's ActionNode position); included text maps to the include action.
import { strict as assert } from 'node:assert';
import { renderHelmTemplates } from '../../../server/src/core/gotemplate';

describe('gotemplate segments', () => {
  it('maps text, actions and included output to their template positions', () => {
    const text = 'kind: A\nwave: {{ .Values.w }}\n{{ include "x" . }}';
    const result = renderHelmTemplates([
      { name: 'c/templates/_h.tpl', text: '{{ define "x" }}inc{{ end }}', data: {} },
      { name: 'c/templates/a.yaml', text, data: { Values: { w: 1000000 } } },
    ]);
    const [t] = result.templates;
    assert.equal(t.output, 'kind: A\nwave: 1e+06\ninc');
    const at = (s: string): { line: number; column: number; template: string } => {
      const start = t.output.indexOf(s);
      const seg = t.segments.find((g) => g.outputStart <= start && start < g.outputEnd)!;
      return { line: seg.line, column: seg.column, template: seg.template };
    };
    assert.deepEqual(at('kind'), { line: 1, column: 1, template: 'c/templates/a.yaml' });
    assert.deepEqual(at('1e+06'), { line: 2, column: 10, template: 'c/templates/a.yaml' });
    assert.deepEqual(at('inc'), { line: 3, column: 4, template: 'c/templates/a.yaml' });
  });

  it('moves segments when <no value> is stripped', () => {
    const result = renderHelmTemplates([{ name: 'c/templates/a.yaml', text: '{{ .Values.x }}a: {{ "v" }}', data: { Values: {} } }]);
    const [t] = result.templates;
    assert.equal(t.output, 'a: v');
    const v = t.segments.find((g) => t.output.slice(g.outputStart, g.outputEnd) === 'v');
    assert.deepEqual(v && { line: v.line, column: v.column }, { line: 1, column: 22 });
  });
});
