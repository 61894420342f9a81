// Memory against speed (issue 10): the heap's growth step after the first analysis. A tenth of the live data keeps
// the corpus workspace near 200 MB RSS, with a full collection every 25-30 edits there. An edit in one very large
// file moves most of its objects, so at that step it triggers one or more full collections of a large heap per
// keystroke (about a third of the keystroke). Where full collections come that often, the step widens to
// WIDE_PERCENT; where they become rare again, it narrows back.

/** How much of the newest analysis enters the running count of full collections per analysis. */
const WEIGHT = 0.3;
/** Widen above this many full collections per analysis, narrow below NARROW_BELOW. */
const WIDEN_ABOVE = 0.5;
const NARROW_BELOW = 0.15;

export const NARROW_PERCENT = 10;
export const WIDE_PERCENT = 30;

export class HeapGrowthTuner {
  private perAnalysis = 0;
  private percent = NARROW_PERCENT;
  private seen: number;

  constructor(
    /** Sets V8's old-generation growth step, in percent of the live data. */
    private readonly setPercent: (percent: number) => void,
    /** Full (major) collections so far. */
    private readonly majorCollections: () => number,
  ) {
    this.seen = majorCollections();
    setPercent(this.percent);
  }

  /** Call after each analysis: counts the full collections since the last call and adjusts the step. */
  analysisDone(): void {
    const now = this.majorCollections();
    this.perAnalysis = WEIGHT * (now - this.seen) + (1 - WEIGHT) * this.perAnalysis;
    this.seen = now;
    const wanted = this.perAnalysis > WIDEN_ABOVE ? WIDE_PERCENT : this.perAnalysis < NARROW_BELOW ? NARROW_PERCENT : this.percent;
    if (wanted === this.percent) return;
    this.percent = wanted;
    this.setPercent(wanted);
  }

  get growingPercent(): number {
    return this.percent;
  }
}
