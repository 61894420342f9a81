// Each kustomization folder is built once per analysis: a base used by many overlays, by both sides of a diamond
// or by every folder of a long chain is read from here, so the work grows with the number of folders, not paths.

import { isDeepStrictEqual } from 'node:util';
import type { Finding } from '../types';
import type { Resource } from './resource';

/**
 * What records a computation's reads (the analysis memo's tracking host): a folder build kept here and used by
 * another render counts the build's reads as that render's too, so a memoised render that used a kept base is
 * still redone when a file of the base changes.
 */
export interface ReadRecorder<Reads = unknown> {
  record<T>(compute: () => T): { value: T; reads: Reads };
  replay(reads: Reads): void;
}

/** What one folder's build produced, kept pristine: every use gets its own copy of the resources. */
export interface BuildRecord {
  resources: Resource[];
  findings: Finding[];
  incompleteReasons: string[];
  filesRead: string[];
  referencedKustomizations: string[];
  /** What the build read, when the cache has a recorder. */
  reads?: unknown;
}

export class BuildCache {
  private readonly records = new Map<string, BuildRecord>();
  /**
   * Counts builds cut short by a cycle or the depth limit. Such a result depends on the path that led to the
   * folder, so a build during which this count changed is not remembered.
   */
  cutoffs = 0;

  /** `helmCharts` renders by chart folder and render options, each with the values it was rendered with. */
  private readonly inflations = new Map<string, { values: unknown; rendered: unknown; reads?: unknown }[]>();

  constructor(private readonly recorder?: ReadRecorder) {}

  /**
   * A `helmCharts` chart rendered once per analysis for each `key` (chart folder and render options) and equal
   * `values`: a component is built again for every kustomization using it, its charts are not. A kept render's
   * reads count as read again by the computation in progress. The render may change the values it is given, so a
   * copy taken before it is kept for the comparison.
   */
  inflation<T>(key: string, values: unknown, render: () => T): T {
    const list = this.inflations.get(key) ?? [];
    const kept = list.find((entry) => isDeepStrictEqual(entry.values, values));
    if (kept) {
      this.recorder?.replay(kept.reads);
      return kept.rendered as T;
    }
    let copy: unknown;
    try {
      copy = structuredClone(values);
    } catch {
      return render();
    }
    const { value, reads } = this.build(render);
    list.push({ values: copy, rendered: value, reads });
    this.inflations.set(key, list);
    return value;
  }

  /** The kept build of `dir`; its reads count as read again by the computation in progress. */
  get(dir: string): BuildRecord | undefined {
    const record = this.records.get(dir);
    if (record && this.recorder) this.recorder.replay(record.reads);
    return record;
  }

  /** Runs a folder's build, with what it read when the cache has a recorder. */
  build<T>(compute: () => T): { value: T; reads?: unknown } {
    return this.recorder ? this.recorder.record(compute) : { value: compute() };
  }

  set(dir: string, record: BuildRecord): void {
    this.records.set(dir, record);
  }
}

/** A copy that later transformers can change without touching the cached original. */
export function copyResource(resource: Resource): Resource {
  return {
    ...resource,
    body: cloneBody(resource.body),
    orgId: { ...resource.orgId },
    prevIds: resource.prevIds.map((id) => ({ ...id })),
    annotationOrigins: new Map(resource.annotationOrigins),
    labelOrigins: new Map(resource.labelOrigins),
  };
}

/**
 * `structuredClone(body)` for the bodies YAML gives (plain objects and arrays, shared where an alias repeats a
 * value), copied directly, about three times faster; a body holding anything else (a date, a `!!set`, a sparse
 * array, a function) or nested too deep for the direct copy goes to structuredClone whole, so the copy, its
 * sharing and its errors stay the same.
 */
export function cloneBody<T>(body: T): T {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (typeof value === 'function' || typeof value === 'symbol') throw NOT_PLAIN;
    if (value === null || typeof value !== 'object') return value;
    const done = copies.get(value);
    if (done !== undefined) return done;
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype) throw NOT_PLAIN;
      const out: unknown[] = [];
      copies.set(value, out);
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) throw NOT_PLAIN;
        out.push(copy(value[i]));
      }
      if (Object.keys(value).length !== value.length) throw NOT_PLAIN;
      return out;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) throw NOT_PLAIN;
    const out: Record<string, unknown> = {};
    copies.set(value, out);
    for (const key of Object.keys(value)) {
      const item = copy((value as Record<string, unknown>)[key]);
      if (key === '__proto__') Object.defineProperty(out, key, { value: item, writable: true, enumerable: true, configurable: true });
      else out[key] = item;
    }
    return out;
  };
  try {
    return copy(body) as T;
  } catch {
    return structuredClone(body);
  }
}

const NOT_PLAIN = new Error('not a plain value');
