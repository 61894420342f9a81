// When a tree view fetches from the server: soon after the server says the plans changed while it is visible,
// or when it next becomes visible; concurrent refreshes share one queued fetch.

export const REFRESH_DEBOUNCE_MS = 300;

export class ViewRefresh<T> {
  private stale = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(
    private readonly fetch: () => Promise<T>,
    /** Shows what a fetch returned; not called when the fetch fails. */
    private readonly apply: (value: T) => void,
    private readonly isVisible: () => boolean,
    private readonly reportError: (error: unknown) => void,
  ) {}

  /** Whether the view has not fetched since the plans last changed (or its last fetch failed). */
  get dirty(): boolean {
    return this.stale;
  }

  /** The server says the plans changed: refresh soon when visible, else when the view next becomes visible. */
  plansChanged(): void {
    this.stale = true;
    if (!this.isVisible()) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.inBackground(), REFRESH_DEBOUNCE_MS);
  }

  /** The view became visible: fetch if something changed while it was hidden. */
  becameVisible(): void {
    if (this.stale) this.inBackground();
  }

  inBackground(): void {
    this.now().catch((error: unknown) => this.reportError(error));
  }

  /** Fetches now; concurrent calls share one queued fetch. */
  now(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.queued) return this.queued;
    if (!this.running) {
      this.running = this.load().finally(() => { this.running = undefined; });
      return this.running;
    }
    this.queued = this.running.catch(() => undefined).then(() => {
      this.queued = undefined;
      return this.now();
    });
    return this.queued;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private async load(): Promise<void> {
    this.stale = false;
    let value: T;
    try {
      value = await this.fetch();
    } catch (error) {
      this.stale = true;
      throw error;
    }
    this.apply(value);
  }
}
