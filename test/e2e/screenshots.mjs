// Takes the README's screenshots in a real VS Code (code-server + headless Chromium, see
// ../shared/vscode-web/README.md), modelled on ../shared/vscode-web/screenshot.js, in one session:
//   docs/images/sync-order-panel.png  the Sync Order view expanded next to a manifest, hovering its first error
//   docs/images/completion.png        the completion list for a wrong hook type's value
// With --shot helm, only (node test/e2e/screenshots.mjs --shot helm --folder test/e2e/fixtures/workspace):
//   docs/images/helm-template.png  a Helm template with its rendered wave as a code lens, beside the Sync Order view
// With --shot pipelines, only:
//   docs/images/promotion-pipelines.png  the Promotion Pipelines view of a Kargo workspace next to its Stages
//   (node test/e2e/screenshots.mjs --shot pipelines --folder ../shared/corpus/akuity__kargo-advanced)
// Usage (after `npm run build` and `bash ../shared/vscode-web/setup.sh`):
//   node test/e2e/screenshots.mjs [--folder examples/shop] [--panel-file F] [--completion-file F]
//        [--completion-line TEXT] [--hover-text TEXT] [--out-dir docs/images] [--theme "Default Dark Modern"]
//        [--sidebar-width PX] (default: VS Code's own side bar width) [--shot all|pipelines] [--pipelines-file F]
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import net from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOME = process.env.VSCODE_WEB_HOME || join(homedir(), '.cache/vscode-web');
const { chromium } = createRequire(join(HOME, 'package.json'))('playwright-core');
const SOURCE_FOLDER = resolve(opt('folder', 'examples/shop'));
const PANEL_FILE = opt('panel-file', 'shortlink/base/migrate-job.yaml');
const COMPLETION_FILE = opt('completion-file', 'shortlink/base/smoke-test.yaml');
const COMPLETION_LINE = opt('completion-line', 'argocd.argoproj.io/hook:');
const OUT_DIR = resolve(opt('out-dir', 'docs/images'));
const SHOT = opt('shot', 'all');
const PIPELINES_FILE = opt('pipelines-file', 'kargo/stages.yaml');
const HELM_FILE = opt('helm-file', 'chart/templates/service.yaml');

const freePort = () => new Promise((done) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => done(port)); }); });
const healthy = (url) => new Promise((done) => http.get(`${url}/healthz`, (r) => { r.resume(); done(r.statusCode === 200); }).on('error', () => done(false)));

async function startCodeServer(run) {
  for (const d of ['ud/User', 'ext', 'xdg', 'tmp']) mkdirSync(join(run, d), { recursive: true });
  writeFileSync(join(run, 'ud/User/settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false, 'update.mode': 'none', 'git.enabled': false, 'workbench.colorTheme': opt('theme', 'Default Dark Modern'),
    'editor.minimap.enabled': false, 'files.autoSave': 'off',
    // Annotation values are YAML strings: let typing there open the completion list, as it does for keys.
    'editor.quickSuggestions': { other: 'on', comments: 'off', strings: 'on' }, 'editor.suggest.showStatusBar': true, 'window.commandCenter': false,
  }));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, XDG_CONFIG_HOME: join(run, 'xdg'), XDG_DATA_HOME: join(run, 'xdg'), TMPDIR: join(run, 'tmp'), EXTENSIONS_GALLERY: '{}' };
  delete env.PORT;
  const log = openSync(join(run, 'server.log'), 'w');
  const server = spawn(join(HOME, 'node_modules/.bin/code-server'), ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', join(run, 'ud'), '--extensions-dir', join(run, 'ext')], { detached: true, stdio: ['ignore', log, log], env });
  process.on('exit', () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ } });
  for (const start = Date.now(); !(await healthy(url)); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() - start > 60000) throw new Error('code-server did not start');
  }
  return { url, port };
}

/** Opens a file of the folder through Quick Open, once the file search answers. */
async function openFile(page, relative) {
  await page.keyboard.press('Control+P');
  await page.keyboard.type(relative);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: basename(relative) }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30000 });
}

async function runCommand(page, title, rowText = title) {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
}

/** Drags the sash at the side bar's right edge until the side bar is `width` pixels wide. */
async function widenSideBar(page, width) {
  const box = await page.locator('[id="workbench.parts.sidebar"]').boundingBox();
  if (!box || box.width >= width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
  await page.mouse.move(box.x + width + 400, y); // off the sash, so it is not drawn highlighted
}

/** Moves the cursor to the first line containing `text` through Quick Open's ":line". */
async function goToLineContaining(page, file, text) {
  const line = readFileSync(join(FOLDER, file), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
  if (line === 0) throw new Error(`${file} has no line containing ${text}`);
  await page.keyboard.press('Control+P');
  await page.keyboard.type(`:${line}`);
  await page.keyboard.press('Enter');
  return line;
}

const run = mkdtempSync(join(tmpdir(), 'syncplan-shots-'));
let failureShot = async () => undefined;
// A scratch copy with the same name, so typing in the editor never changes the repository.
// Inside the repository it keeps its path from the root: Applications' source.path values resolve against it.
const insideRepo = !relative(ROOT, SOURCE_FOLDER).startsWith('..');
const FOLDER = join(run, 'repo', insideRepo ? relative(ROOT, SOURCE_FOLDER) : basename(SOURCE_FOLDER));
cpSync(SOURCE_FOLDER, FOLDER, { recursive: true });
try {
  const { url, port } = await startCodeServer(run);
  const context = await chromium.launchPersistentContext(join(run, 'chromium'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, env: { ...process.env, XDG_CONFIG_HOME: join(run, 'chromium') },
    viewport: { width: Number(opt('width', 1400)), height: Number(opt('height', 860)) }, deviceScaleFactor: 1,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] || await context.newPage();
  failureShot = () => page.screenshot({ path: join(OUT_DIR, 'screenshot-failure.png') });
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${ROOT.replace(/\/$/, '')}`]];
  await page.goto(`${url}/?folder=${encodeURIComponent(FOLDER)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });

  /** The end of a --shot run: side bar width, editor focus, settle, one screenshot, then exit. */
  const singleShot = async (shotPage, shotContext, name) => {
    await widenSideBar(shotPage, Number(opt('sidebar-width', 0)));
    await shotPage.keyboard.press('Control+1');
    await shotPage.waitForTimeout(Number(opt('settle-ms', 2500)));
    mkdirSync(OUT_DIR, { recursive: true });
    await shotPage.screenshot({ path: join(OUT_DIR, name) });
    console.log(`screenshot: ${join(OUT_DIR, name)}`);
    await shotContext.close();
    rmSync(run, { recursive: true, force: true });
    process.exit(0);
  };

  if (SHOT === 'helm') {
    // A chart template: the code lens shows the wave of the object it renders; Sync Order lists that object.
    await openFile(page, HELM_FILE);
    await runCommand(page, 'Focus on Sync Order View', 'Sync Order');
    await page.locator('.codelens-decoration', { hasText: 'wave' }).first().waitFor({ timeout: 60000 });
    await singleShot(page, context, 'helm-template.png');
  }

  if (SHOT === 'pipelines') {
    // The Promotion Pipelines view beside the Stages file; Sync Order collapsed so the whole pipeline fits.
    await openFile(page, PIPELINES_FILE);
    await runCommand(page, 'Focus on Promotion Pipelines View', 'Promotion Pipelines');
    const sidebar = page.locator('[id="workbench.parts.sidebar"]');
    await sidebar.locator('.monaco-list-row', { hasText: 'authorized' }).first().waitFor({ timeout: 60000 });
    const syncOrderHeader = sidebar.locator('.pane-header', { hasText: 'Sync Order' }).first();
    if ((await syncOrderHeader.getAttribute('aria-expanded')) === 'true') await syncOrderHeader.click();
    await singleShot(page, context, 'promotion-pipelines.png');
  }

  // 1. The side panel next to a manifest, with the Problems count in the status bar.
  await openFile(page, PANEL_FILE);
  await runCommand(page, 'Focus on Sync Order View', 'Sync Order');
  await page.locator('[id="workbench.parts.sidebar"] .monaco-list-row', { hasText: 'wave' }).first().waitFor({ timeout: 60000 });
  await page.locator('#status\\.problems').waitFor({ timeout: 30000 });
  // The side bar keeps VS Code's default width (the labels are written to fit it) unless --sidebar-width asks.
  await widenSideBar(page, Number(opt('sidebar-width', 0)));
  await page.keyboard.press('Control+1'); // focus back in the editor, so the side bar has no focus outline
  const wait = (ms) => page.waitForTimeout(ms); // only lets rendering settle after the conditions above
  // The panel file's first error: wait for its squiggle and hover it, so the diagnostic's message shows.
  const squiggle = page.locator('.squiggly-error').first();
  await squiggle.waitFor({ timeout: 60000 });
  await squiggle.hover({ force: true });
  await page.locator('.monaco-hover').filter({ hasText: opt('hover-text', 'Argo CD') }).first().waitFor({ timeout: 30000 });
  await wait(Number(opt('settle-ms', 2500)));
  mkdirSync(OUT_DIR, { recursive: true });
  await page.screenshot({ path: join(OUT_DIR, 'sync-order-panel.png') });

  // 2. Completion on a wrong hook value: delete the value after the key and start typing a valid one.
  await openFile(page, COMPLETION_FILE);
  await goToLineContaining(page, COMPLETION_FILE, COMPLETION_LINE);
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Delete');
  await page.keyboard.type('P');
  const widget = page.locator('.suggest-widget.visible');
  await widget.waitFor({ timeout: 30000 });
  await widget.locator('.monaco-list-row', { hasText: 'PostSync' }).first().waitFor({ timeout: 30000 });
  // Open the documentation beside the list ("Show More" in the widget's status bar; Ctrl+Space does not reach it here).
  await widget.locator('.suggest-status-bar .action-label', { hasText: 'Show More' }).first().click({ timeout: 5000 }).catch(() => undefined);
  await page.locator('.suggest-details-container .suggest-details').first().waitFor({ timeout: 5000 }).catch(() => undefined);
  await page.mouse.move(1000, Number(opt('height', 860)) - 120); // away from the button's hover
  await wait(1000);
  await page.screenshot({ path: join(OUT_DIR, 'completion.png') });
  console.log(`screenshots: ${join(OUT_DIR, 'sync-order-panel.png')} ${join(OUT_DIR, 'completion.png')}`);
  await context.close();
} catch (error) {
  // A picture of the moment it failed says more than the timeout message.
  await failureShot().catch(() => undefined);
  console.error(`screenshots failed (see ${join(OUT_DIR, 'screenshot-failure.png')}):`, error);
  process.exitCode = 1;
} finally {
  rmSync(run, { recursive: true, force: true });
}
process.exit(process.exitCode ?? 0);
