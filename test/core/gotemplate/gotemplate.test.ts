// Data tests for the Go template engine: every cases/*.yaml file lists {name, template | templates, data,
// expected | error}. `engine: go` runs renderGoTemplate (missingkey=default); `engine: helm` (the default)
// runs renderHelmTemplates with one template named `chart/templates/t.yaml` unless `templates` is given.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, Scalar } from 'yaml';
import { GoInt, renderGoTemplate, renderHelmTemplates } from '../../../server/src/core/gotemplate';

interface Case {
  name: string;
  engine?: 'go' | 'helm';
  missingKey?: 'default' | 'zero' | 'error';
  template?: string;
  templates?: { name: string; text: string }[];
  data?: unknown;
  expected?: string;
  error?: string;
  errorKind?: string;
}

// `!int 3` in data is a Go int (as `--set` produces); plain YAML numbers are float64 as in values.yaml.
const intTag = { tag: '!int', resolve: (s: string) => new GoInt(BigInt(s)), identify: (v: unknown) => v instanceof GoInt, stringify: (i: Scalar) => String(i.value) };

const dir = join(__dirname, 'cases');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
  const cases = parse(readFileSync(join(dir, file), 'utf8'), { customTags: [intTag] }) as Case[];
  describe(`gotemplate ${file}`, () => {
    for (const c of cases) {
      it(c.name, () => {
        const { output, error } = run(c);
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

function run(c: Case): { output: string; error?: { message: string; kind: string } } {
  if (c.engine === 'go') return renderGoTemplate(c.template ?? '', c.data, { funcs: 'applicationset', missingKey: c.missingKey, name: 't' });
  const templates = c.templates ?? [{ name: 'chart/templates/t.yaml', text: c.template ?? '' }];
  const result = renderHelmTemplates(templates.map((t) => ({ ...t, data: c.data })));
  const main = result.templates.find((t) => t.name === (c.templates ? c.templates.find((t) => !t.name.split('/').pop()!.startsWith('_'))!.name : 'chart/templates/t.yaml'))!;
  return { output: main.output, error: main.error };
}
