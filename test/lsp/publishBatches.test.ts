// Diagnostics publishing: the edited file first, the rest in batches that let the event loop run between them,
// and a newer publish of the folder stops an older one (its remaining batches are never sent).

import assert from 'node:assert/strict';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Finding } from '../../server/src/core/types';
import type { FolderAnalysis } from '../../server/src/lsp/analyzedFolder';
import { DiagnosticsPublisher, type PublishContext } from '../../server/src/lsp/diagnosticsPublisher';
import { PositionAdapter } from '../../server/src/lsp/lspPositions';

const FILES = 250;
const BATCH = 100;
const TEXT = 'a: 1\nb: 2\n';
const fileName = (i: number): string => `/w/f${String(i).padStart(3, '0')}.yaml`;

function analysisWith(code: string): FolderAnalysis {
  const findings: Finding[] = Array.from({ length: FILES }, (_, i) => ({ code, severity: 'warning', message: 'Something.', file: fileName(i), span: { start: 0, end: 1 } }));
  return { findings } as unknown as FolderAnalysis;
}

describe('lsp: diagnostics publishing in batches', () => {
  /** Each publish in order, and markers from callbacks the event loop ran meanwhile. */
  let log: string[];
  let sent: PublishDiagnosticsParams[];
  let publisher: DiagnosticsPublisher;
  const context: PublishContext = {
    positions: new PositionAdapter(),
    readText: () => TEXT,
    uriFor: (file) => `file://${file}`,
    versionOf: () => undefined,
    owns: () => true,
  };

  beforeEach(() => {
    log = [];
    sent = [];
    const connection = {
      sendDiagnostics: (params: PublishDiagnosticsParams) => {
        sent.push(params);
        log.push(`send ${params.uri}`);
        return Promise.resolve();
      },
    } as unknown as Connection;
    publisher = new DiagnosticsPublisher(connection);
  });

  it('sends the edited file first, then the rest in batches with the event loop running between them', async () => {
    const edited = fileName(200);
    const done = publisher.publish('folder', analysisWith('test/a'), context, { first: [edited], batchSize: BATCH });
    // Scheduled after the publish started: it runs at the first yield, not after everything was sent.
    setImmediate(() => log.push('event loop'));
    await done;
    assert.equal(sent.length, FILES);
    assert.equal(sent[0].uri, `file://${edited}`);
    assert.equal(new Set(sent.map((p) => p.uri)).size, FILES, 'each file once');
    // The edited file and the first batch go out in the turn of the publish; the loop runs before the last batch.
    const marker = log.indexOf('event loop');
    assert.ok(marker >= 1 + BATCH && marker < log.length - 1, `event loop ran at ${marker} of ${log.length}`);
  });

  it('stops an older publish of the folder at its next batch when a newer one starts', async () => {
    const older = publisher.publish('folder', analysisWith('test/old'), context, { batchSize: BATCH });
    const newer = publisher.publish('folder', analysisWith('test/new'), context, { batchSize: BATCH });
    await Promise.all([older, newer]);
    const oldSends = sent.filter((p) => p.diagnostics[0]?.code === 'test/old');
    assert.equal(oldSends.length, BATCH, 'the older publish sent only its first batch');
    const last = new Map(sent.map((p) => [p.uri, p.diagnostics[0]?.code]));
    assert.equal(last.size, FILES);
    assert.deepEqual(new Set(last.values()), new Set(['test/new']));
  });

  it('sends nothing again for files whose diagnostics did not change, and clears files that lost them', async () => {
    await publisher.publish('folder', analysisWith('test/a'), context, { batchSize: BATCH });
    sent = [];
    const fewer = analysisWith('test/a');
    fewer.findings = fewer.findings.slice(0, FILES - 3);
    await publisher.publish('folder', fewer, context, { first: [fileName(0)], batchSize: BATCH });
    assert.deepEqual(sent.map((p) => [p.uri, p.diagnostics.length]), [FILES - 3, FILES - 2, FILES - 1].map((i) => [`file://${fileName(i)}`, 0]));
  });

  it('does not convert again the findings kept from the last analysis while their texts are unchanged', async () => {
    let ranges = 0;
    let text = TEXT;
    const positions = new PositionAdapter();
    const counting: PublishContext = {
      ...context,
      readText: () => text,
      positions: Object.assign(Object.create(positions) as PositionAdapter, { range: (...args: Parameters<PositionAdapter['range']>) => (ranges++, positions.range(...args)) }),
    };
    const analysis = analysisWith('test/a');
    await publisher.publish('folder', analysis, counting, { batchSize: BATCH });
    assert.equal(ranges, FILES);
    ranges = 0;
    sent = [];
    await publisher.publish('folder', { ...analysis, findings: [...analysis.findings] }, counting, { batchSize: BATCH });
    assert.equal(ranges, 0, 'the same finding objects over the same texts are not converted again');
    // A changed text is read again: a change after the findings' places leaves their diagnostics as sent.
    text = `${TEXT}c: 3\n`;
    await publisher.publish('folder', analysis, counting, { batchSize: BATCH });
    assert.equal(ranges, FILES);
    assert.equal(sent.length, 0);
    // A finding that is a new object is converted again and sent when its diagnostic changed.
    ranges = 0;
    const moved = { ...analysis, findings: analysis.findings.map((f, i) => (i === 7 ? { ...f, span: { start: 5, end: 6 } } : f)) };
    await publisher.publish('folder', moved, counting, { batchSize: BATCH });
    assert.equal(ranges, 1);
    assert.deepEqual(sent.map((p) => [p.uri, p.diagnostics[0].range.start.line]), [[`file://${fileName(7)}`, 1]]);
  });
});
