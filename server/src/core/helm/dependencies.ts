// Which subcharts take part in a render, ported from Helm's pkg/chartutil/dependencies.go (v3.17):
// aliases, `condition` and `tags`, `import-values`; plus action.CheckDependencies for absent ones.

import type { ChartDependency, LoadedChart } from './chartLoader';
import { coalesceTables, coalesceValues, copyValues, isTable, pathToMap, valueAt, type Values } from './coalesce';

export interface ResolvedDependencies {
  /** The chart with aliases applied, disabled subcharts removed and imported values folded into values.yaml. */
  chart: LoadedChart;
  /** Declared dependencies of the top chart with no chart in charts/ (nor a `file://` folder) that are enabled. */
  missingEnabled: ChartDependency[];
  /** Absent dependencies that their condition or tags disable: Helm fails on them, a native render can go on. */
  missingDisabled: ChartDependency[];
}

export function resolveDependencies(chart: LoadedChart, userValues: Values): ResolvedDependencies {
  const topValues = coalesceValues(withAliases(chart), userValues);
  const missing = chart.dependencies.filter((dep) => !chart.subcharts.some((s) => s.name === dep.name));
  const enabled = (dep: ChartDependency): boolean => isEnabled(dep, topValues, '');
  const resolved = processEnabled(chart, userValues, '');
  return {
    chart: processImports(resolved),
    missingEnabled: missing.filter(enabled),
    missingDisabled: missing.filter((d) => !enabled(d)),
  };
}

/** Subcharts renamed by the aliases their parent declares (getAliasDependency); undeclared ones are kept as they are. */
function withAliases(chart: LoadedChart): LoadedChart {
  const declared = new Set(chart.dependencies.map((d) => d.name));
  const subcharts = chart.subcharts.filter((s) => !declared.has(s.name));
  for (const dep of chart.dependencies) {
    const sub = chart.subcharts.find((s) => s.name === dep.name);
    if (sub) subcharts.push(dep.alias ? { ...sub, name: dep.alias } : sub);
  }
  return { ...chart, subcharts };
}

/**
 * processDependencyEnabled: a subchart's conditions are looked up at `path` in its parent's coalesced values
 * (which hold every subchart's defaults under its name), so `postgresql.enabled: false` in a subchart's own
 * values.yaml disables that subchart's postgresql dependency.
 */
function processEnabled(chart: LoadedChart, parentValues: Values, path: string): LoadedChart {
  const aliased = withAliases(chart);
  if (chart.dependencies.length === 0) return aliased;
  const values = coalesceValues(aliased, parentValues);
  const disabled = new Set(chart.dependencies.filter((d) => !isEnabled(d, values, path)).map((d) => d.alias ?? d.name));
  const subcharts = aliased.subcharts
    .filter((s) => !disabled.has(s.name))
    .map((s) => processEnabled(s, values, `${path}${s.name}.`));
  return { ...aliased, subcharts };
}

/** Tags first, then the first condition path that holds a boolean (conditions win over tags). */
function isEnabled(dep: ChartDependency, values: Values, path: string): boolean {
  let enabled = true;
  const tags = values.tags;
  if (isTable(tags) && dep.tags.length > 0) {
    const states = dep.tags.map((t) => tags[t]).filter((v): v is boolean => typeof v === 'boolean');
    const hasTrue = states.includes(true);
    const hasFalse = states.includes(false);
    enabled = hasTrue || !hasFalse;
  }
  for (const condition of (dep.condition ?? '').trim().split(',')) {
    if (condition === '') continue;
    const value = valueAt(values, `${path}${condition.trim()}`);
    if (typeof value === 'boolean') return value;
  }
  return enabled;
}

/** import-values: children first; imported values rank below the parent's own values. */
function processImports(chart: LoadedChart): LoadedChart {
  const subcharts = chart.subcharts.map(processImports);
  const withSubs = { ...chart, subcharts };
  const imports = chart.dependencies.filter((d) => d.importValues.length > 0);
  if (imports.length === 0) return withSubs;
  const chartValues = coalesceValues(withSubs, {});
  let imported: Values = {};
  for (const dep of imports) {
    const name = dep.alias ?? dep.name;
    for (const entry of dep.importValues) {
      if (typeof entry === 'string') {
        const table = valueAt(chartValues, `${name}.exports.${entry}`);
        if (isTable(table)) imported = coalesceTables(imported, copyValues(table));
      } else if (isTable(entry) && typeof entry.child === 'string' && typeof entry.parent === 'string') {
        const table = valueAt(chartValues, `${name}.${entry.child}`);
        if (isTable(table)) imported = coalesceTables(imported, pathToMap(entry.parent, copyValues(table)));
      }
    }
  }
  return { ...withSubs, values: coalesceTables(chartValues, imported) };
}
