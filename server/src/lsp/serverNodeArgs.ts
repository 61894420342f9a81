// Node flags for the language server process that only take effect at its start (the editor passes them when it
// forks the server; the benchmarks do the same). Flags that may change later are set by the server itself
// (serverHeap.ts).

/**
 * Memory (issue 10): V8's young generation grows to 2 x 16 MB during the initial analysis and never shrinks while
 * edits keep allocating. At 8 MB per semi-space the server holds about 20 MB less during edits; the initial
 * analysis takes about 5% longer (bench/memory.ts, bench/lsp-initial.ts).
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=8'];
