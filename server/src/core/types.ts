// Shared value types of the analysis core. Positions are UTF-16 offsets into a file's text;
// exactly one adapter per front end turns them into lines and columns.

export interface Span {
  start: number;
  end: number;
}

/** A place in a file: absolute POSIX path plus a span of UTF-16 offsets. */
export interface SourceLocation {
  file: string;
  span: Span;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  file: string;
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True when this is the one obvious fix (shown as the preferred quick fix). */
  preferred?: boolean;
}

export interface RelatedLocation extends SourceLocation {
  message: string;
}

/** One problem found by parsing, rendering or a rule. Severity here is the default; front ends apply user settings. */
export interface Finding {
  code: string;
  severity: Severity;
  /** One short sentence: what is wrong and what Argo CD does about it. */
  message: string;
  /** The explanation behind the message (why, and how to fix it); shown in hovers, --verbose and JSON/SARIF. */
  detail?: string;
  file: string;
  span: Span;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

/** Read-only view of the files the core may look at. Open editor buffers override disk in implementations. */
export interface FileHost {
  /** Text of an absolute POSIX path, or undefined when it does not exist or is not a readable file. */
  readFile(path: string): string | undefined;
  /** Entries of a directory, or undefined when it is not a directory. */
  readDir(path: string): DirEntry[] | undefined;
  /** A value that changes whenever the file's content changes (document version or mtime); used for caching. */
  fileVersion?(path: string): string | number | undefined;
  /** Real path, kind and size of a path (following links), or undefined when it does not exist. */
  inspect?(path: string): FileInfo | undefined;
}

export interface FileInfo {
  /** The path with every symbolic link resolved. */
  realPath: string;
  kind: 'file' | 'directory' | 'other';
  /** Size in bytes (files only). */
  size: number;
}

export interface DirEntry {
  name: string;
  isDirectory: boolean;
}
