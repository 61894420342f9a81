// A ParseCache that re-parses only the YAML documents an edit touched. A file is split at its
// `---` lines (YAML forbids a document marker inside any scalar, so the split is exact for valid YAML); a
// document whose text is unchanged keeps its parse, with every range moved by how far the document moved.
// From the first document with a syntax error on, the rest of the file is parsed in one piece, so broken
// YAML gives the same diagnostics as `syncplan check` (issue 7 item 10).

import { isCollection, isNode, isPair, type Document } from 'yaml';
import { noteMoved } from '../core/model/movedObjects';
import type { K8sObject, MetadataMap, ObjectSource } from '../core/model/k8sObject';
import type { Span } from '../core/types';
import { readObjects } from '../core/model/readObjects';
import { parseYamlFile, type ParsedDocument, type ParsedFile } from '../core/parse/parseYamlFile';
import { hasTemplateActions } from '../core/parse/templateMask';
import { ParseCache } from '../core/workspaceFiles';
import { coolable, coolEntry, warmEntry } from './coldTrees';
import { shiftBetween } from './textShift';

interface Piece {
  start: number;
  text: string;
}

interface Chunk extends Piece {
  /** Parse of `text`, with ranges already moved to `start`. */
  parsed: ParsedFile;
  /** Parsed as a document followed by a `---` line (every piece but the last). */
  followed: boolean;
  /** The parse equals the whole-file parser's for this stretch (no syntax error whose recovery could run on). */
  exact: boolean;
  /** The chunk's objects, as read when it started at `start` with its first document numbered `firstIndex`. */
  objects?: { start: number; firstIndex: number; list: K8sObject[] };
}

/** A piece of a new text parsed (and moved to its place) before the whole text was. */
interface EarlyPiece {
  /** The whole text the piece was cut from. */
  text: string;
  start: number;
  pieceText: string;
  followed: boolean;
  parsed: ParsedFile;
}

interface FileEntry {
  text: string;
  parsed: ParsedFile;
  objects?: K8sObject[];
  chunks?: Chunk[];
  /** Its YAML trees were dropped (coldTrees.ts): read again from `text` when something reads one. */
  cold?: boolean;
}

const MARKER_LINE = /^---(?:[ \t]|\r?$)/;

export class IncrementalParseCache extends ParseCache {
  private readonly files = new Map<string, FileEntry>();
  /** Per file: the one piece a request parsed before the whole new text was (see objectsAround). */
  private readonly early = new Map<string, EarlyPiece>();
  /** Paths parsed anew or whose trees were read again since the last `coolUnchanged`. */
  private readonly touched = new Set<string>();
  /** How many entries had their trees dropped, and how many were read again (bench/incremental-core.ts prints them). */
  readonly coldStats = { cooled: 0, warmed: 0 };

  override parse(path: string, text: string): ParsedFile {
    const cached = this.files.get(path);
    if (cached && cached.text === text) return cached.parsed;
    const early = this.early.get(path);
    this.early.delete(path);
    const fresh = this.parseAnew(path, text, cached?.chunks, early?.text === text ? early : undefined);
    this.files.set(path, { text, ...fresh });
    this.touched.add(path);
    return fresh.parsed;
  }

  /**
   * Memory (issue 10): drops the YAML trees of files unchanged since the last call that hold no objects (values,
   * kustomization.yaml, Chart.yaml) or only objects of a Helm template (the plan uses the rendered ones). Their
   * parse and objects stay the same objects; a tree is parsed again, once, when something reads it.
   */
  coolUnchanged(): void {
    for (const [path, entry] of this.files) {
      if (this.touched.has(path) || entry.cold || !coolable(entry)) continue;
      coolEntry(entry, () => this.warm(path, entry));
      this.coldStats.cooled++;
    }
    this.touched.clear();
  }

  private warm(path: string, entry: FileEntry): void {
    if (!entry.cold) return;
    const fresh = this.parseAnew(path, entry.text, undefined, undefined);
    warmEntry(entry, fresh.parsed);
    if (fresh.chunks) entry.chunks = fresh.chunks;
    this.touched.add(path);
    this.coldStats.warmed++;
  }

  /** A parse of `text`; a file split at its `---` lines reuses the unchanged documents of `previous`. */
  private parseAnew(path: string, text: string, previous: Chunk[] | undefined, early: EarlyPiece | undefined): { parsed: ParsedFile; chunks?: Chunk[] } {
    const pieces = splitDocuments(text);
    if (!pieces) return { parsed: parseYamlFile(path, text) };
    const chunks = reuseOrParse(path, pieces, new Reusable(previous ?? [], pieces.length, early));
    const parsed: ParsedFile = {
      path,
      text,
      documents: chunks.flatMap((c) => c.parsed.documents.map((d) => [c.parsed, d] as const)).map(([chunk, d], index) => new DocumentView(chunk, d, index)),
      templated: false,
      templateSpans: [],
      problems: chunks.flatMap((c) => c.parsed.problems),
    };
    return { parsed, chunks };
  }

  /**
   * The file's objects. A split file reads only the objects of its re-parsed documents; those of reused documents
   * are the earlier ones moved to their new place (ids, document numbers and spans; the YAML nodes were moved
   * with the parse), so a keystroke does not rebuild every object of a large file.
   */
  override objects(path: string, text: string): K8sObject[] {
    const parsed = this.parse(path, text);
    const entry = this.files.get(path) as FileEntry;
    if (entry.objects) return entry.objects;
    if (!entry.chunks) {
      entry.objects = readObjects(parsed);
      return entry.objects;
    }
    const all: K8sObject[] = [];
    let firstIndex = 0;
    for (const chunk of entry.chunks) {
      for (const object of chunkObjects(parsed, chunk, firstIndex)) all.push(object);
      firstIndex += chunk.parsed.documents.length;
    }
    entry.objects = all;
    return all;
  }

  /**
   * The objects of the documents that can hold `offset` (the one it is in and the one before): a request at one
   * place reads or moves only those, not every object after an edit in a large file.
   */
  override objectsAround(path: string, text: string, offset: number): K8sObject[] {
    const edited = this.objectsOfEditedPiece(path, text, offset);
    if (edited) return edited;
    const parsed = this.parse(path, text);
    const entry = this.files.get(path) as FileEntry;
    if (entry.objects || !entry.chunks) return this.objects(path, text);
    const chunks = entry.chunks;
    let at = 0;
    while (at + 1 < chunks.length && chunks[at + 1].start <= offset) at++;
    const around: K8sObject[] = [];
    let firstIndex = 0;
    // A document's span can end where the next one starts, so the chunk before the offset's counts too.
    for (let i = 0; i <= at; i++) {
      if (i >= at - 1) around.push(...chunkObjects(parsed, chunks[i], firstIndex));
      firstIndex += chunks[i].parsed.documents.length;
    }
    return around;
  }

  /**
   * When `text` is the parsed text with one edit inside one document that `offset` is in (no `---` line made or
   * removed, no syntax error): that document's objects, from a parse of its piece alone, kept for the next parse
   * of the whole text. A request right after a keystroke then parses one document, not the file.
   */
  private objectsOfEditedPiece(path: string, text: string, offset: number): K8sObject[] | undefined {
    const entry = this.files.get(path);
    if (!entry?.chunks || entry.text === text) return undefined;
    const shift = shiftBetween(entry.text, text);
    const chunks = entry.chunks;
    let at = 0;
    while (at + 1 < chunks.length && chunks[at + 1].start <= (shift?.start ?? 0)) at++;
    const chunk = chunks[at];
    const end = chunk.start + chunk.text.length;
    // The first chunk may hold leading comments; an edit touching a marker line may join or split documents.
    if (!shift || at === 0 || shift.start <= chunk.start + 3 || shift.oldEnd > end || (shift.oldEnd === end && at + 1 < chunks.length)) return undefined;
    const pieceText = text.slice(chunk.start, end + shift.newEnd - shift.oldEnd);
    if (offset <= chunk.start || offset > chunk.start + pieceText.length || splitDocuments(pieceText)?.length !== 1) return undefined;
    const { parsed, exact } = chunk.followed ? parseFollowed(path, pieceText) : { parsed: parseYamlFile(path, pieceText), exact: true };
    // A syntax error: the whole-file parse takes the rest of the file in one piece from here.
    if (!exact) return undefined;
    moveRanges(parsed, chunk.start);
    moveNow(parsed);
    this.early.set(path, { text, start: chunk.start, pieceText, followed: chunk.followed, parsed });
    let firstIndex = 0;
    for (let i = 0; i < at; i++) firstIndex += chunks[i].parsed.documents.length;
    const documents = parsed.documents.map((d, i) => ({ ...d, index: firstIndex + i }));
    return readObjects({ path, text, documents, templated: false, templateSpans: [], problems: parsed.problems });
  }

  override forget(path: string): void {
    this.early.delete(path);
    this.files.delete(path);
  }
}

/** A chunk's objects at its place now: read once, then moved along with the chunk. */
function chunkObjects(parsed: ParsedFile, chunk: Chunk, firstIndex: number): K8sObject[] {
  const count = chunk.parsed.documents.length;
  const known = chunk.objects;
  if (!known) {
    moveNow(chunk.parsed);
    const list = readObjects({ ...parsed, documents: parsed.documents.slice(firstIndex, firstIndex + count) });
    chunk.objects = { start: chunk.start, firstIndex, list };
  } else if (known.start !== chunk.start || known.firstIndex !== firstIndex) {
    const list = known.list.map((o) => movedObject(o, chunk.start - known.start, firstIndex - known.firstIndex, chunk.parsed));
    chunk.objects = { start: chunk.start, firstIndex, list };
  }
  return chunk.objects?.list ?? [];
}

/**
 * Each piece's parse: the cached one when its text is unchanged (moved to its new place), else a fresh one.
 * The split is exact only up to the first document with a syntax error: the whole-file parser's error
 * recovery (an unclosed quote or flow collection) can run across the next `---` lines. So from the first
 * broken piece that is not the last, the rest of the file is one piece, parsed as the whole-file parser would.
 */
function reuseOrParse(path: string, pieces: Piece[], reusable: Reusable): Chunk[] {
  const chunks: Chunk[] = [];
  for (let index = 0; index < pieces.length; index++) {
    const last = index === pieces.length - 1;
    const chunk = chunkOf(path, { ...pieces[index], followed: !last }, reusable, index);
    if (last || chunk.exact) {
      chunks.push(chunk);
      continue;
    }
    const rest = { start: chunk.start, text: pieces.slice(index).map((p) => p.text).join(''), followed: false };
    chunks.push(chunkOf(path, rest, reusable, index));
    break;
  }
  return chunks;
}

function keyOf(piece: Piece & { followed: boolean }): string {
  return `${piece.followed ? '+' : '.'}${piece.text}`;
}

/**
 * The chunks of the previous parse, each reused at most once. A piece is first compared with the old chunk at
 * the same place counted from the start and from the end (typing keeps every other document there), which
 * needs no hashing of the file; only when the number of documents changed are all old chunks looked up by text.
 */
class Reusable {
  private byText?: Map<string, Chunk[]>;
  private readonly used = new Set<Chunk>();

  constructor(
    private readonly old: readonly Chunk[],
    private readonly pieceCount: number,
    private early?: EarlyPiece,
  ) {}

  /** The parse a request already made of this piece at this place, once. */
  takeEarly(piece: Piece & { followed: boolean }): ParsedFile | undefined {
    const early = this.early;
    if (!early || early.start !== piece.start || early.followed !== piece.followed || early.pieceText !== piece.text) return undefined;
    this.early = undefined;
    return early.parsed;
  }

  take(piece: Piece & { followed: boolean }, index: number): Chunk | undefined {
    for (const candidate of [this.old[index], this.old[index + this.old.length - this.pieceCount]]) {
      if (candidate && !this.used.has(candidate) && candidate.followed === piece.followed && candidate.text === piece.text) {
        this.used.add(candidate);
        return candidate;
      }
    }
    if (this.old.length === this.pieceCount) return undefined;
    if (!this.byText) {
      this.byText = new Map();
      for (const chunk of this.old) this.byText.set(keyOf(chunk), [...(this.byText.get(keyOf(chunk)) ?? []), chunk]);
    }
    const list = this.byText.get(keyOf(piece)) ?? [];
    for (let chunk = list.shift(); chunk; chunk = list.shift()) {
      if (this.used.has(chunk)) continue;
      this.used.add(chunk);
      return chunk;
    }
    return undefined;
  }
}

function chunkOf(path: string, piece: Piece & { followed: boolean }, reusable: Reusable, index: number): Chunk {
  const old = reusable.take(piece, index);
  if (old) {
    moveRanges(old.parsed, piece.start - old.start);
    return { ...piece, parsed: old.parsed, exact: old.exact, ...(old.objects ? { objects: old.objects } : {}) };
  }
  const early = reusable.takeEarly(piece);
  if (early) return { ...piece, parsed: early, exact: true };
  const { parsed, exact } = piece.followed ? parseFollowed(path, piece.text) : { parsed: parseYamlFile(path, piece.text), exact: true };
  moveRanges(parsed, piece.start);
  return { ...piece, parsed, exact };
}

/**
 * A document's range depends on what follows it (the yaml library ends a map whose last value is only a
 * comment before trailing blank lines at a `---`, but after them at the end of input), so a piece that is
 * not the last is parsed with a `---` line after it, and the empty document that line opens is dropped.
 */
function parseFollowed(path: string, text: string): { parsed: ParsedFile; exact: boolean } {
  const parsed = parseYamlFile(path, `${text}---\n`);
  const opened = parsed.documents[parsed.documents.length - 1];
  const clean = opened?.span.start === text.length && !parsed.documents.some((d) => d.hasErrors);
  if (!clean) return { parsed, exact: false };
  const documents = parsed.documents.slice(0, -1);
  return { parsed: { ...parsed, text, documents, problems: parsed.problems.filter((p) => p.span.start < text.length) }, exact: true };
}

/** The file cut before each `---` line; undefined when it needs the whole-file parser (templates, directives, `...`). */
export function splitDocuments(text: string): Piece[] | undefined {
  if (hasTemplateActions(text) || hasDirectiveOrDocumentEnd(text)) return undefined;
  const starts = [0];
  // Only lines that begin with `---` can be markers: the native search jumps from one to the next.
  for (let found = text.indexOf('\n---'); found >= 0; found = text.indexOf('\n---', found + 1)) {
    const lineStart = found + 1;
    const next = text.indexOf('\n', lineStart);
    const lineEnd = next < 0 ? text.length : next;
    if (MARKER_LINE.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 5)))) starts.push(lineStart);
  }
  // Comments before the first `---` belong to that document, not to a document of their own.
  if (starts.length > 1 && !hasContent(text.slice(0, starts[1]))) starts.splice(1, 1);
  return starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }));
}

/**
 * Whether a line starts with a directive (`%`) or a document end marker (`...` then a space or the line's end):
 * the pattern /^(%|\.\.\.(\s|$))/m, found with the native search instead of trying the pattern at every position.
 */
export function hasDirectiveOrDocumentEnd(text: string): boolean {
  const atLineStart = (at: number): boolean => at === 0 || LINE_TERMINATORS.has(text[at - 1]);
  for (let at = text.indexOf('%'); at >= 0; at = text.indexOf('%', at + 1)) if (atLineStart(at)) return true;
  for (let at = text.indexOf('...'); at >= 0; at = text.indexOf('...', at + 1)) {
    if (atLineStart(at) && (at + 3 === text.length || /\s/.test(text[at + 3]))) return true;
  }
  return false;
}

/** What ends a line for `^` and `$` in a multiline pattern. */
const LINE_TERMINATORS = new Set(['\n', '\r', '\u2028', '\u2029']);

function hasContent(text: string): boolean {
  return text.split('\n').some((line) => !/^[\s\uFEFF]*(#.*)?$/.test(line));
}

/** A copy of an object read from a document that moved by `delta` characters and `indexDelta` documents. */
function movedObject(object: K8sObject, delta: number, indexDelta: number, chunk: ParsedFile): K8sObject {
  const docIndex = object.source.docIndex + indexDelta;
  const moved: K8sObject = {
    ...object,
    id: indexDelta === 0 ? object.id : movedId(object.id, docIndex),
    annotations: delta === 0 ? object.annotations : movedEntries(object.annotations, delta),
    labels: delta === 0 ? object.labels : movedEntries(object.labels, delta),
    source: movedSource(object.source, delta, docIndex, chunk),
  };
  // Same id and content, every place moved by delta: results kept for the object hold for the copy, moved.
  if (indexDelta === 0) noteMoved(moved, object, delta);
  return moved;
}

/** Ids are `file#doc` or `file#doc.item` (readObjects): the same with another document number. */
function movedId(id: string, docIndex: number): string {
  const hash = id.lastIndexOf('#');
  const item = /\.\d+$/.exec(id.slice(hash + 1))?.[0] ?? '';
  return `${id.slice(0, hash)}#${docIndex}${item}`;
}

function movedSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

function movedEntries(map: MetadataMap, delta: number): MetadataMap {
  const moved: MetadataMap = new Map();
  for (const [key, entry] of map) {
    moved.set(key, {
      ...entry,
      keyLocation: { file: entry.keyLocation.file, span: movedSpan(entry.keyLocation.span, delta) },
      valueLocation: { file: entry.valueLocation.file, span: movedSpan(entry.valueLocation.span, delta) },
    });
  }
  return moved;
}

/**
 * Moves every offset of a parse by `delta`: document spans and problems at once, the YAML trees (node and
 * document ranges, error positions) when something first reads them (moveNow), so a keystroke does not walk the
 * trees of every document after it.
 */
function moveRanges(parsed: ParsedFile, delta: number): void {
  if (delta === 0) return;
  for (const document of parsed.documents) document.span = { start: document.span.start + delta, end: document.span.end + delta };
  if (parsed.problems.length > 0) parsed.problems = parsed.problems.map((p) => ({ ...p, span: { start: p.span.start + delta, end: p.span.end + delta } }));
  pendingMoves.set(parsed, (pendingMoves.get(parsed) ?? 0) + delta);
}

/** Per piece's parse: how far its trees still have to move. */
const pendingMoves = new WeakMap<ParsedFile, number>();

/** Applies the moves still pending to the parse's trees. */
function moveNow(parsed: ParsedFile): void {
  const delta = pendingMoves.get(parsed);
  if (delta === undefined) return;
  pendingMoves.delete(parsed);
  for (const document of parsed.documents) {
    const doc = document.doc as Document.Parsed;
    moveRange(doc.range, delta);
    moveNode(doc.contents, delta);
    for (const error of [...doc.errors, ...doc.warnings]) error.pos = [error.pos[0] + delta, error.pos[1] + delta];
  }
}

/** A document of the whole file: its tree is moved to its place when first read (a getter on the prototype). */
class DocumentView implements ParsedDocument {
  readonly #chunk: ParsedFile;
  readonly #doc: ParsedDocument['doc'];
  span: Span;
  hasErrors: boolean;
  refusedDuplicate?: ParsedDocument['refusedDuplicate'];
  earlierAnnotations?: ParsedDocument['earlierAnnotations'];

  constructor(chunk: ParsedFile, document: ParsedDocument, public index: number) {
    this.#chunk = chunk;
    this.#doc = document.doc;
    this.span = document.span;
    this.hasErrors = document.hasErrors;
    if (document.refusedDuplicate) this.refusedDuplicate = document.refusedDuplicate;
    if (document.earlierAnnotations) this.earlierAnnotations = document.earlierAnnotations;
  }

  get doc(): ParsedDocument['doc'] {
    moveNow(this.#chunk);
    return this.#doc;
  }
}

/** An object's source moved by `delta`; its YAML node, when read, is moved to its place first (moveNow). */
function movedSource(source: ObjectSource, delta: number, docIndex: number, chunk: ParsedFile): ObjectSource {
  return new MovedSource(source, { docIndex, span: movedSpan(source.span, delta), anchor: movedSpan(source.anchor, delta) }, chunk);
}

class MovedSource implements ObjectSource {
  readonly #chunk: ParsedFile;
  readonly #node: ObjectSource['node'];
  file!: string;
  docIndex!: number;
  span!: Span;
  anchor!: Span;

  constructor(from: ObjectSource, changed: Pick<ObjectSource, 'docIndex' | 'span' | 'anchor'>, chunk: ParsedFile) {
    // The same own fields as `from` (a fresh read leaves optional ones out), the node kept without moving it.
    const fields = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(from) as (keyof ObjectSource)[]) if (key !== 'node') fields[key] = from[key];
    Object.assign(this, changed);
    this.#node = from instanceof MovedSource ? from.#node : from.node;
    this.#chunk = chunk;
  }

  get node(): ObjectSource['node'] {
    moveNow(this.#chunk);
    return this.#node;
  }
}

/** In place: each range array belongs to exactly one node of a parse that only this cache holds. */
function moveNode(node: unknown, delta: number): void {
  if (isPair(node)) {
    moveNode(node.key, delta);
    moveNode(node.value, delta);
    return;
  }
  if (!isNode(node)) return;
  if (node.range) moveRange(node.range, delta);
  if (isCollection(node)) for (const item of node.items) moveNode(item, delta);
}

function moveRange(range: number[], delta: number): void {
  range[0] += delta;
  range[1] += delta;
  range[2] += delta;
}
