// How much one render may do. Helm has no such bounds: a template like `range until 100000000` makes it run for
// minutes or run out of memory. SyncPlan stops such a render and says so, instead of hanging the editor. The
// costliest render of the corpus takes about 16,000 steps (gitops-bridge), and 20 million take about a second.

/** Template steps (nodes walked and loop rounds) of one chart's render, includes and `tpl` calls included. */
export const MAX_TEMPLATE_STEPS = 20_000_000;
/** Characters one template may write, and one string a function may build. */
export const MAX_OUTPUT_CHARS = 64 * 1024 * 1024;
/** Elements of a list a function (until, untilStep, seq) may build. */
export const MAX_LIST_LENGTH = 1_000_000;

/** What went past a bound, in words for the render's incomplete reason. */
export const OVER_STEPS = `it takes more than ${MAX_TEMPLATE_STEPS.toLocaleString('en')} template steps`;
export const OVER_OUTPUT = `it writes more than ${MAX_OUTPUT_CHARS / 1024 / 1024} MB`;
export const OVER_LIST = `it builds a list of more than ${MAX_LIST_LENGTH.toLocaleString('en')} elements`;

/** Thrown by a function asked to build more than the bounds allow (message: one of the OVER_ texts). */
export class BudgetError extends Error {}

export function overBudgetMessage(what: string): string {
  return `SyncPlan stopped this render: ${what} (Helm sets no such limit, but would take very long or run out of memory)`;
}
