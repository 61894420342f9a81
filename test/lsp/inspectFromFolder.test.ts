// CachedDiskHost (language server) and oneRunFileHost (CLI) answer `inspect` for a path that is no link from its
// folder's kept answer and one lstat; they must answer exactly what inspecting the path on disk answers
// (nodeFileHost), links of every kind included.
// The tree with links and a pipe is made at test time in a temporary folder.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CachedDiskHost } from '../../server/src/lsp/cachedDiskHost';
import { nodeFileHost, oneRunFileHost } from '../../server/src/workspace/nodeFileHost';

const NO_OVERLAY = { get: () => undefined, paths: () => [] };

describe('CachedDiskHost and oneRunFileHost inspect', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'syncplan-inspect-'));
    const ws = join(base, 'ws');
    mkdirSync(join(ws, 'apps', 'deep', 'er'), { recursive: true });
    mkdirSync(join(base, 'outside', 'sub'), { recursive: true });
    writeFileSync(join(ws, 'apps', 'cm.yaml'), 'kind: ConfigMap\n');
    writeFileSync(join(ws, 'apps', 'deep', 'er', 'x.yaml'), 'a: 1\n');
    writeFileSync(join(base, 'outside', 'secret.yaml'), 'b: 2\n');
    writeFileSync(join(base, 'outside', 'sub', 'y.yaml'), 'c: 3\n');
    symlinkSync(join(ws, 'apps', 'cm.yaml'), join(ws, 'file-link.yaml'));
    symlinkSync(join(base, 'outside', 'secret.yaml'), join(ws, 'out-link.yaml'));
    symlinkSync(join(base, 'outside'), join(ws, 'out-folder'));
    symlinkSync(join(ws, 'apps'), join(ws, 'apps-link'));
    symlinkSync('apps-link', join(ws, 'link-to-link'));
    symlinkSync(join(ws, 'missing.yaml'), join(ws, 'dangling.yaml'));
    symlinkSync(join(ws, 'loop-b'), join(ws, 'loop-a'));
    symlinkSync(join(ws, 'loop-a'), join(ws, 'loop-b'));
    symlinkSync(ws, join(ws, 'apps', 'back-to-root'));
    try {
      execFileSync('mkfifo', [join(ws, 'pipe.yaml')]);
    } catch {
      // No mkfifo here: the other paths still compare.
    }
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  /** Every path under `dir` (not following links), and a few below links and that do not exist. */
  function paths(dir: string): string[] {
    const out: string[] = [dir];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) out.push(...paths(path));
      else out.push(path);
    }
    return out;
  }

  it('answers as inspecting each path on disk does, through links, loops, dangling links and pipes', () => {
    const ws = join(realpathSync(base), 'ws');
    const asked = [
      ...paths(ws),
      `${ws}/apps-link/cm.yaml`,
      `${ws}/apps-link/deep/er/x.yaml`,
      `${ws}/link-to-link/deep/er`,
      `${ws}/out-folder/sub/y.yaml`,
      `${ws}/apps/back-to-root/apps/cm.yaml`,
      `${ws}/loop-a/x.yaml`,
      `${ws}/dangling.yaml/x`,
      `${ws}/apps/cm.yaml/not-a-folder`,
      `${ws}/nothing/here.yaml`,
      `${ws}/apps/./cm.yaml`,
      `${ws}/apps/deep/..`,
    ];
    const disk = nodeFileHost();
    // Deepest first and shallowest first: the kept folder answers must not depend on the order of the questions.
    for (const order of [asked, [...asked].reverse()]) {
      const cached = new CachedDiskHost(NO_OVERLAY);
      const oneRun = oneRunFileHost();
      for (const path of order) {
        assert.deepEqual(cached.inspect(path), disk.inspect?.(path), path);
        assert.deepEqual(oneRun.inspect?.(path), disk.inspect?.(path), path);
      }
    }
  });
});
