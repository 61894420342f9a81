// Memory (issue 10): the language server drops template parses no render used since its previous analysis; a
// chart rendered after that parses again and renders the same.

import assert from 'node:assert/strict';
import { dropTemplateParsesUnusedSinceLastSweep, renderHelmTemplates } from '../../../server/src/core/gotemplate';
import { keptTemplateParses } from '../../../server/src/core/gotemplate/render';

describe('gotemplate: dropping unused template parses', () => {
  const chart = (marker: string) => [
    { name: `sweep-${marker}/templates/_helpers.tpl`, text: `{{ define "sweep.name" }}${marker}-{{ .Values.name }}{{ end }}`, data: { Values: { name: 'app' } } },
    { name: `sweep-${marker}/templates/cm.yaml`, text: `kind: ConfigMap\nmetadata:\n  name: {{ include "sweep.name" . }}\n`, data: { Values: { name: 'app' } } },
  ];

  it('keeps parses used since the last sweep, drops the others, and renders the same afterwards', () => {
    const first = renderHelmTemplates(chart('a'));
    dropTemplateParsesUnusedSinceLastSweep();
    const kept = keptTemplateParses();
    assert.ok(kept >= 2, 'the chart rendered before the sweep stays');

    renderHelmTemplates(chart('b'));
    dropTemplateParsesUnusedSinceLastSweep();
    assert.equal(keptTemplateParses(), 2, "only chart b's two templates: chart a was not rendered since the last sweep");

    assert.deepEqual(renderHelmTemplates(chart('a')), first, 'parsed again, rendered the same');
    assert.equal(keptTemplateParses(), 4);
  });
});
