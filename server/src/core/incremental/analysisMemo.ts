// Memoised renders kept between analyses of one workspace, each valid while every file, folder listing and
// file kind it read is unchanged (queries memoised by what they read, as in rust-analyzer's model).
// Renders read only through the host they are given, so renderers added later are tracked without changes.

import type { AppSource } from '../discover/appTypes';
import type { RenderedSource } from '../discover/renderSource';
import type { KustomizeResult } from '../kustomize';
import type { FileHost } from '../types';
import { ReadLog, TrackingHost } from './trackingHost';

interface Entry<T> {
  value: T;
  reads: ReadLog;
  /** The analysis that last found this entry valid. */
  checkedIn: number;
}

/** How many renders the last analysis computed and how many it reused (for tests and benchmarks). */
export interface MemoStats {
  computed: number;
  reused: number;
}

export class AnalysisMemo {
  private readonly renders = new Map<string, Entry<RenderedSource>>();
  private readonly kustomizations = new Map<string, Entry<KustomizeResult>>();
  private analysis = 0;
  private files = '';
  private tracking?: TrackingHost;
  stats: MemoStats = { computed: 0, reused: 0 };

  /**
   * Starts an analysis that reads through `host` and sees the workspace file list `files`. Renders of folder
   * sources pick files from that list rather than a listing, so when it changed no render is reused.
   * Returns the host renders must read through.
   */
  begin(host: FileHost, files: readonly string[]): FileHost {
    this.analysis++;
    this.stats = { computed: 0, reused: 0 };
    const list = files.join('\n');
    if (list !== this.files) {
      this.renders.clear();
      this.kustomizations.clear();
      this.files = list;
    }
    this.tracking = new TrackingHost(host);
    return this.tracking;
  }

  /** Drops every entry the analysis did not use, so memory follows the workspace as it is now. */
  end(): void {
    for (const cache of [this.renders, this.kustomizations] as Map<string, Entry<unknown>>[]) {
      for (const [key, entry] of cache) if (entry.checkedIn !== this.analysis) cache.delete(key);
    }
    this.tracking = undefined;
  }

  /** An application's render, reused while what it read is unchanged. */
  /** `extraKey` names what the render depends on besides the files it reads. */
  render(source: AppSource, compute: () => RenderedSource, extraKey = ''): RenderedSource {
    return this.lookup(this.renders, `${sourceKey(source)}\u0000${extraKey}`, compute);
  }

  /** A kustomization's build (`key` names the folder and the Application's overrides). */
  kustomize(key: string, compute: () => KustomizeResult): KustomizeResult {
    return this.lookup(this.kustomizations, key, compute);
  }

  private lookup<T>(cache: Map<string, Entry<T>>, key: string, compute: () => T): T {
    const tracking = this.tracking;
    if (!tracking) return compute();
    const entry = cache.get(key);
    if (entry && (entry.checkedIn === this.analysis || tracking.unchanged(entry.reads))) {
      entry.checkedIn = this.analysis;
      // Whoever is computing around this lookup read the same things.
      tracking.replay(entry.reads);
      this.stats.reused++;
      return entry.value;
    }
    const { value, reads } = tracking.record(compute);
    cache.set(key, { value, reads, checkedIn: this.analysis });
    this.stats.computed++;
    return value;
  }
}

/** What identifies a source's render: its fields and the defining object's content (not its place in the file). */
function sourceKey(source: AppSource): string {
  const definedBy = source.definedBy && { id: source.definedBy.id, body: source.definedBy.body };
  const generatedBy = source.generatedBy && { id: source.generatedBy.id, body: source.generatedBy.body };
  try {
    return JSON.stringify({ ...source, definedBy, generatedBy, refs: source.refs && [...source.refs] });
  } catch {
    // Not serialisable (never expected): a key of its own, so the render is simply not reused.
    return `unique:${Math.random()}`;
  }
}
