// Publishes a folder's diagnostics: only files whose diagnostics changed, and empty lists for files that
// no longer have any. A file that never had any is not sent an empty list. The files named first (the edited
// buffer) go out at once; the rest of the folder follows in batches that yield to the event loop, so edits and
// requests arriving meanwhile are handled between batches, and a newer publish of the folder drops the rest.

import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../core/types';
import { compactKey } from '../core/incremental/digest';
import { findingToDiagnostic, type DiagnosticContext } from './findingDiagnostics';
import type { FolderAnalysis } from './analyzedFolder';

export interface PublishContext extends DiagnosticContext {
  /** The buffer version the diagnostics were computed against (the version the analysis read). */
  versionOf: (file: string) => number | undefined;
  /** False for files another (nested) workspace folder reports on. */
  owns: (file: string) => boolean;
}

export interface PublishOptions {
  /** Files published before any other (the buffers just edited). */
  first?: Iterable<string>;
  /** Files per batch after the first ones. */
  batchSize?: number;
}

/** Files whose diagnostics are computed and compared per turn of the event loop. */
const BATCH_SIZE = 100;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** What was last published for a file, and what it was made from. */
interface Published {
  /** The JSON of the diagnostics (compacted: a digest when long). */
  json: string;
  /** The findings, the texts their places were read from and their related files' URIs: all the same values means the same diagnostics. */
  inputs: unknown[];
}

/** Everything `findingToDiagnostic` reads for these findings: findings by identity, texts and URIs by value (an unchanged text is usually the same string, compared at once). */
function inputsOf(findings: readonly Finding[], context: DiagnosticContext): unknown[] {
  const inputs: unknown[] = [];
  for (const finding of findings) {
    inputs.push(finding, context.readText(finding.file));
    for (const related of finding.related ?? []) inputs.push(context.uriFor(related.file), context.readText(related.file));
  }
  return inputs;
}

const sameInputs = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((value, i) => value === b[i]);

export class DiagnosticsPublisher {
  /** Folder URI -> file -> what was last published. */
  private readonly published = new Map<string, Map<string, Published>>();
  /** Folder URI -> number of the newest publish; an older one still running stops at its next batch. */
  private readonly runs = new Map<string, number>();

  constructor(private readonly connection: Connection) {}

  /** Resolves when every batch went out, or when a newer publish of the folder took over. */
  async publish(folderUri: string, analysis: FolderAnalysis, context: PublishContext, options: PublishOptions = {}): Promise<void> {
    const run = (this.runs.get(folderUri) ?? 0) + 1;
    this.runs.set(folderUri, run);
    const published = this.published.get(folderUri) ?? new Map<string, Published>();
    this.published.set(folderUri, published);

    const byFile = new Map<string, Finding[]>();
    for (const finding of analysis.findings) {
      if (!finding.file || !context.owns(finding.file)) continue;
      const list = byFile.get(finding.file);
      if (list) list.push(finding);
      else byFile.set(finding.file, [finding]);
    }
    const firstFiles = [...(options.first ?? [])].filter((f) => byFile.has(f) || published.has(f));
    const rest = new Set([...byFile.keys(), ...published.keys()]);
    for (const file of firstFiles) rest.delete(file);

    const sends: Promise<void>[] = [];
    const publishFile = (file: string): void => {
      const findings = byFile.get(file);
      const before = published.get(file);
      // Most files' findings are the very objects kept from the last analysis, read from the same texts: nothing to redo.
      const inputs = findings && inputsOf(findings, context);
      if (inputs && before && sameInputs(inputs, before.inputs)) return;
      const diagnostics: Diagnostic[] = findings ? findings.map((f) => findingToDiagnostic(f, context)) : [];
      const json = compactKey(JSON.stringify(diagnostics));
      if (inputs) published.set(file, { json, inputs });
      else published.delete(file);
      if (before?.json === json || (before === undefined && !findings)) return;
      const version = context.versionOf(file);
      sends.push(this.connection.sendDiagnostics({ uri: context.uriFor(file), diagnostics, ...(version !== undefined ? { version } : {}) }));
    };

    for (const file of firstFiles) publishFile(file);
    const batchSize = Math.max(1, options.batchSize ?? BATCH_SIZE);
    let inBatch = 0;
    for (const file of rest) {
      if (inBatch === batchSize) {
        inBatch = 0;
        await nextTurn();
        if (this.runs.get(folderUri) !== run) break;
      }
      publishFile(file);
      inBatch++;
    }
    await Promise.all(sends);
  }

  /** Removes every diagnostic of a folder (it left the workspace). */
  async clear(folderUri: string, uriFor: (file: string) => string): Promise<void> {
    const previous = this.published.get(folderUri);
    this.published.delete(folderUri);
    this.runs.set(folderUri, (this.runs.get(folderUri) ?? 0) + 1);
    await Promise.all([...(previous?.keys() ?? [])].map((file) => this.connection.sendDiagnostics({ uri: uriFor(file), diagnostics: [] })));
  }
}
