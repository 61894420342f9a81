// Facts rules derive from every workspace file's text (health checks configured anywhere), kept per file while
// its text is unchanged, so an analysis after an edit reads only the edited file again.

export class PerFileText<T> {
  private readonly entries = new Map<string, { text: string; value: T }>();

  constructor(private readonly compute: (text: string) => T) {}

  /** The fact for `file`, whose text is now `text`. */
  get(file: string, text: string): T {
    const kept = this.entries.get(file);
    if (kept && kept.text === text) return kept.value;
    const value = this.compute(text);
    this.entries.set(file, { text, value });
    return value;
  }

  /** Forgets files no longer in the workspace when the cache has grown well past it (bounded memory). */
  prune(files: readonly string[]): void {
    if (this.entries.size <= files.length * 2 + 64) return;
    const current = new Set(files);
    for (const file of this.entries.keys()) if (!current.has(file)) this.entries.delete(file);
  }
}
