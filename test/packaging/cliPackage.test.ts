// The CLI npm package (packages/cli): `npm pack`, install the tarball on its own, offline, and run it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/runCli';

const PACKAGE_DIR = join(REPO_ROOT, 'packages', 'cli');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('CLI npm package', () => {
  let temp: string;
  let tarball: string;
  let prefix: string;
  const npm = (args: string[], cwd: string) =>
    spawnSync(NPM, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(temp, 'cache'), npm_config_update_notifier: 'false' } });

  before(function () {
    if (!existsSync(join(PACKAGE_DIR, 'dist', 'cli.js'))) throw new Error('packages/cli/dist/cli.js is missing: run `npm run build` first.');
    temp = mkdtempSync(join(tmpdir(), 'syncplan-pack-'));
    const pack = npm(['pack', '--silent', '--pack-destination', temp], PACKAGE_DIR);
    assert.equal(pack.status, 0, pack.stderr);
    tarball = join(temp, pack.stdout.trim().split('\n').pop()!);
    prefix = join(temp, 'global');
    // --offline: the package has no dependencies, so installing it must not need the registry.
    const install = npm(['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], temp);
    assert.equal(install.status, 0, install.stderr);
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  const installed = () => join(prefix, 'lib', 'node_modules', 'syncplan');
  const bin = () => join(prefix, 'bin', 'syncplan');

  it('packs only the bundle, README and LICENSE, with the extension version and no dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8'));
    assert.equal(manifest.version, JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version);
    assert.equal(manifest.dependencies, undefined);
    assert.deepEqual(readdirSync(installed()).sort(), ['LICENSE', 'README.md', 'dist', 'package.json']);
    assert.deepEqual(readdirSync(join(installed(), 'dist')), ['cli.js']);
    assert.ok(!existsSync(join(installed(), 'node_modules')));
  });

  it('the installed bin prints its version and checks an example from another folder', () => {
    const version = spawnSync(bin(), ['--version'], { cwd: temp, encoding: 'utf8' });
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')).version);
    const check = spawnSync(bin(), ['check', join(REPO_ROOT, 'examples', 'shop'), '--format', 'json'], { cwd: temp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.ok(check.status === 0 || check.status === 1, check.stderr);
    const diagnostics: { file: string }[] = JSON.parse(check.stdout).diagnostics;
    assert.ok(Array.isArray(diagnostics));
    const plan = spawnSync(bin(), ['plan', join(REPO_ROOT, 'examples', 'shop')], { cwd: temp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(plan.status, 0, plan.stderr);
    assert.match(plan.stdout, /shop/);
  });
});
