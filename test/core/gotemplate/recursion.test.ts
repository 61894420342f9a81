// Runaway include recursion ends as Helm's error (its exact nesting depends on the JavaScript stack, so this
// asserts the end of the message), and deep but finite recursion still renders.
import { strict as assert } from 'node:assert';
import { renderHelmTemplates } from '../../../server/src/core/gotemplate';

describe('gotemplate include recursion', () => {
  it('reports a self-including define as a nested reference, without throwing', () => {
    const [t] = renderHelmTemplates([{ name: 'c/templates/t.yaml', text: '{{ define "loop" }}{{ include "loop" . }}{{ end }}{{ include "loop" . }}', data: {} }]).templates;
    assert.equal(t.error?.kind, 'exec');
    assert.match(t.error!.message, /^template: c\/templates\/t\.yaml:1:\d+: executing "c\/templates\/t\.yaml" at <include "loop" \.>: error calling include: /);
    assert.ok(t.error!.message.endsWith('rendering template has a nested reference name: loop: unable to execute template'));
  });

  it('renders finite recursion 200 levels deep', () => {
    const text = '{{ define "d" }}{{ if gt . 0 }}{{ include "d" (sub . 1) }}{{ else }}done{{ end }}{{ end }}{{ include "d" 200 }}';
    const [t] = renderHelmTemplates([{ name: 'c/templates/t.yaml', text, data: {} }]).templates;
    assert.equal(t.error, undefined);
    assert.equal(t.output, 'done');
  });
});
