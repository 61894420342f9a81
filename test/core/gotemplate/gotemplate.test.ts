// Data tests for the Go template engine: every cases/*.yaml file lists {name, template | templates, data,
// expected | error}. `engine: go` runs renderGoTemplate (missingkey=default); `engine: helm` (the default)
// runs renderHelmTemplates with one template named `chart/templates/t.yaml` unless `templates` is given.
import { strict as assert } from 'node:assert';
import { renderGoTemplate, renderHelmTemplates } from '../../../server/src/core/gotemplate';
import { Case, loadCaseFiles, mainTemplate } from './cases';

for (const { file, cases } of loadCaseFiles()) {
  describe(`gotemplate ${file}`, () => {
    for (const c of cases) {
      it(c.name, () => {
        const { output, error, caveats } = run(c);
        // `caveats` lists the non-deterministic calls as func@template:line, in call order.
        if (c.caveats) assert.deepEqual(caveats.map((k) => `${k.func}@${k.position.template}:${k.position.line}`), c.caveats);
        if (c.error !== undefined) {
          assert.ok(error, `expected error ${c.error}, got output ${JSON.stringify(output)}`);
          assert.equal(error.message, c.error);
          if (c.errorKind) assert.equal(error.kind, c.errorKind);
        } else {
          assert.equal(error?.message, undefined);
          assert.equal(output, c.expected);
        }
      });
    }
  });
}

interface Run { output: string; error?: { message: string; kind: string }; caveats: { func: string; position: { template: string; line: number } }[] }

function run(c: Case): Run {
  if (c.engine === 'go') return renderGoTemplate(c.template ?? '', c.data, { funcs: 'applicationset', missingKey: c.missingKey, name: 't' });
  const templates = c.templates ?? [{ name: 'chart/templates/t.yaml', text: c.template ?? '' }];
  const result = renderHelmTemplates(templates.map((t) => ({ ...t, data: c.data })));
  const main = result.templates.find((t) => t.name === mainTemplate(c))!;
  return { output: main.output, error: main.error, caveats: result.caveats };
}
