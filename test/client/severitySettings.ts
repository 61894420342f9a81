// The `syncplan.severity` setting's schema in package.json, generated from the core's RULE_CODES so the
// settings UI lists every rule code with its default. Update package.json with:
//   npx tsx test/client/severitySettings.ts --write

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CODES, RULE_DOCS_URL } from '../../server/src/core/rules/ruleCodes';

export const PACKAGE_JSON = join(__dirname, '../../package.json');
const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

export function severityProperties(): Record<string, unknown> {
  const sorted = [...RULE_CODES].sort((a, b) => a.code.localeCompare(b.code));
  return Object.fromEntries(sorted.map(({ code, severity, title }) => [code, {
    type: 'string',
    enum: SEVERITIES,
    default: severity,
    markdownDescription: `${title} Default: \`${severity}\`. [Documentation](${RULE_DOCS_URL(code)})`,
  }]));
}

interface PackageJson {
  contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } };
}

export function readPackageJson(): PackageJson {
  return JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as PackageJson;
}

if (process.argv.includes('--write')) {
  const pkg = readPackageJson();
  pkg.contributes.configuration.properties['syncplan.severity'].properties = severityProperties();
  writeFileSync(PACKAGE_JSON, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(`package.json: syncplan.severity lists ${RULE_CODES.length} codes`);
}
