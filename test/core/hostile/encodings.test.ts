// UTF-16 files with a byte-order mark are decoded as Kubernetes' YAML reader does, not parsed as garbage
// (issue 7 item 9). Fixtures are written at test time, since they are binary.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import { nodeFileHost } from '../../../server/src/workspace/nodeFileHost';
import { memoryHost } from '../../helpers/memoryHost';

const manifest = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  annotations:\n    argocd.argoproj.io/sync-wave: "2"\n`;

describe('file encodings', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'syncplan-enc-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads UTF-16 little- and big-endian files with a BOM, and drops a UTF-8 BOM', () => {
    writeFileSync(join(root, 'le.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(manifest('little'), 'utf16le')]));
    writeFileSync(join(root, 'be.yaml'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(manifest('big'), 'utf16le').swap16()]));
    writeFileSync(join(root, 'bom.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(manifest('utf8'), 'utf8')]));
    const analysis = analyzeWorkspace(nodeFileHost(), root);
    const objects = analysis.apps.flatMap((a) => a.objects);
    assert.deepEqual(objects.map((o) => o.name).sort(), ['big', 'little', 'utf8']);
    assert.ok(objects.every((o) => o.annotations.get('argocd.argoproj.io/sync-wave')?.text === '2'));
    assert.deepEqual(analysis.findings.filter((f) => f.severity === 'error'), []);
  });

  it('reads CR-only line endings as line breaks, as Go\'s YAML reader does', () => {
    const analysis = analyzeWorkspace(memoryHost({ '/ws/cr.yaml': manifest('cr').replace(/\n/g, '\r') }), '/ws');
    assert.deepEqual(analysis.apps.flatMap((a) => a.objects.map((o) => o.name)), ['cr']);
    assert.deepEqual(analysis.findings.filter((f) => f.severity === 'error'), []);
  });
});
