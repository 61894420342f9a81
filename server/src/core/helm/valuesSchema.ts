// values.schema.json, as Helm checks it before rendering (pkg/chartutil ValidateAgainstSchema, called by
// ToRenderValues unless --skip-schema-validation): each chart's schema against its coalesced values, the top
// chart's and every enabled subchart's (with its own scope), and one failure fails the whole render.
// Validation uses Ajv with re2js for `pattern`, so a workspace's patterns run in linear time. A schema SyncPlan
// cannot use offline (a remote $ref, an unknown draft, an invalid schema) is a caveat, never a failure.

import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { RE2JS } from 're2js';
import { toPlain } from '../gotemplate/toPlain';
import { joinPath } from '../paths';
import type { LoadedChart } from './chartLoader';
import { isTable, type Values } from './coalesce';

export interface SchemaCheck {
  /** Helm's error text when some chart's values break its schema. */
  failure?: { message: string; file: string };
  /** Schemas SyncPlan could not check, with why. */
  caveats: string[];
}

/** A schema larger than this is not compiled (a hostile chart could make compiling slow). */
const MAX_SCHEMA_CHARS = 2_000_000;
/** Compiled validators kept by schema text; a chart rendered for many Applications compiles its schema once. */
const MAX_COMPILED = 200;
type Compiled = ValidateFunction | { error: string } | { invalidJson: string };
const compiled = new Map<string, Compiled>();

export function checkValuesSchemas(chart: LoadedChart, values: Values): SchemaCheck {
  const check: SchemaCheck = { caveats: [] };
  const failures: string[] = [];
  let file: string | undefined;
  const visit = (c: LoadedChart, scope: Values, depth: number): void => {
    if (c.schema !== undefined) {
      const result = validate(c, scope, check.caveats);
      // Helm lists each failing chart: its validation errors one per line, or why the schema could not be read.
      const text = typeof result === 'string' ? `${result}\n` : result.map((p) => `- ${p}\n`).join('');
      if (text) {
        failures.push(`${c.name}:\n${text}`);
        file ??= joinPath(c.dir, 'values.schema.json');
      }
    }
    if (depth >= 10) return;
    for (const sub of c.subcharts) visit(sub, isTable(scope[sub.name]) ? (scope[sub.name] as Values) : {}, depth + 1);
  };
  visit(chart, values, 0);
  if (failures.length > 0 && file) {
    check.failure = { message: `values don't meet the specifications of the schema(s) in the following chart(s):\n${failures.join('')}`, file };
  }
  return check;
}

/** The validation errors, or the text of a schema that is not JSON (Helm fails on it too). */
function validate(chart: LoadedChart, scope: Values, caveats: string[]): string[] | string {
  const validator = compile(chart.schema ?? '');
  if ('invalidJson' in validator) return validator.invalidJson;
  if ('error' in validator) {
    caveats.push(`SyncPlan could not check the values of chart ${chart.name} against its values.schema.json (${validator.error}); Helm checks them before rendering.`);
    return [];
  }
  const data = toPlain(scope);
  try {
    if (validator(data)) return [];
  } catch (e) {
    caveats.push(`SyncPlan could not check the values of chart ${chart.name} against its values.schema.json (${e instanceof Error ? e.message : String(e)}).`);
    return [];
  }
  return withoutAfterTypeErrors(validator.errors ?? []).map((error) => describe(error, data));
}

/** gojsonschema stops checking a (sub)schema at a wrong type, so the other keywords of that schema say nothing. */
function withoutAfterTypeErrors(errors: ErrorObject[]): ErrorObject[] {
  const parent = (e: ErrorObject): string => `${e.instancePath}|${e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'))}`;
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map(parent));
  return errors.filter((e) => e.keyword === 'type' || !wrongType.has(parent(e)));
}

function compile(text: string): Compiled {
  const known = compiled.get(text);
  if (known) return known;
  const result = compileUncached(text);
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(text, result);
  return result;
}

function compileUncached(text: string): Compiled {
  if (text.length > MAX_SCHEMA_CHARS) return { error: `it is larger than ${MAX_SCHEMA_CHARS} characters` };
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (e) {
    return { invalidJson: `values.schema.json is not valid JSON: ${(e as Error).message}` };
  }
  if (typeof schema === 'boolean') schema = schema ? {} : { not: {} };
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return { error: 'it is not a JSON object' };
  try {
    return ajvFor((schema as { $schema?: unknown }).$schema).compile(schema as object);
  } catch (e) {
    // A remote $ref (Helm would fetch it), a keyword this draft lacks, a schema nested too deep to compile.
    return { error: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
  }
}

/** Go's RE2 syntax, linear time: JSON Schema patterns from the workspace cannot stall the analysis. */
const re2Engine = Object.assign((pattern: string) => RE2JS.compile(pattern), { code: 're2js' });

// No logger: a workspace's schema must not make the server or the CLI print anything.
const options = { strict: false, allErrors: true, validateFormats: false, validateSchema: false, logger: false as const, code: { regExp: re2Engine } };
let instances: Record<'04' | '07' | '2019' | '2020', Ajv> | undefined;

/** The validator for the schema's `$schema` draft: 04, 2019-09, 2020-12, else draft-07 (06 reads the same here). */
function ajvFor(draft: unknown): Ajv {
  instances ??= createInstances();
  const uri = typeof draft === 'string' ? draft : '';
  if (uri.includes('draft-04')) return instances['04'];
  if (uri.includes('2019-09')) return instances['2019'];
  if (uri.includes('2020-12')) return instances['2020'];
  return instances['07'];
}

/**
 * Ajv is loaded on the first chart with a schema: loading its four validators costs the language server about
 * 9 MB, which a workspace without schemas should not pay.
 */
function createInstances(): Record<'04' | '07' | '2019' | '2020', Ajv> {
  const Ajv07 = (require('ajv') as typeof import('ajv')).default;
  const Ajv2019 = (require('ajv/dist/2019') as typeof import('ajv/dist/2019')).default;
  const Ajv2020 = (require('ajv/dist/2020') as typeof import('ajv/dist/2020')).default;
  const AjvDraft04 = (require('ajv-draft-04') as typeof import('ajv-draft-04')).default;
  return { '04': new AjvDraft04(options), '07': new Ajv07(options), '2019': new Ajv2019(options), '2020': new Ajv2020(options) };
}

/** gojsonschema's wording (Helm 3.17) for the common keywords: `field: description`, `(root)` for the top. */
function describe(error: ErrorObject, data: unknown): string {
  const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const field = path.length === 0 ? '(root)' : path.join('.');
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `${field}: Invalid type. Expected: ${String(params.type).replace(/,/g, ', ')}, given: ${jsonType(valueAt(data, path))}`;
    case 'required':
      return `${field}: ${String(params.missingProperty)} is required`;
    case 'additionalProperties':
      return `${field}: Additional property ${String(params.additionalProperty)} is not allowed`;
    case 'enum':
      return `${field}: ${field} must be one of the following: ${((params.allowedValues as unknown[]) ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${field}: Must be ${COMPARISONS[String(params.comparison)] ?? String(params.comparison)} ${String(params.limit)}`;
    case 'minLength':
      return `${field}: String length must be greater than or equal to ${String(params.limit)}`;
    case 'maxLength':
      return `${field}: String length must be less than or equal to ${String(params.limit)}`;
    case 'pattern':
      return `${field}: Does not match pattern '${String(params.pattern)}'`;
    case 'minItems':
      return `${field}: Array must have at least ${String(params.limit)} items`;
    case 'maxItems':
      return `${field}: Array must have at most ${String(params.limit)} items`;
    default:
      return `${field}: ${error.message ?? error.keyword}`;
  }
}

const COMPARISONS: Record<string, string> = { '>=': 'greater than or equal to', '>': 'greater than', '<=': 'less than or equal to', '<': 'less than' };

function valueAt(data: unknown, path: string[]): unknown {
  let at = data;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
