// The ApplicationSets part of `syncplan plan` text output: what each generates, or why it cannot be known.

import type { ApplicationSetReport } from '../core/report/planReport';
import type { Style } from './ansi';

export function formatApplicationSets(appsets: readonly ApplicationSetReport[], style: Style): string {
  if (appsets.length === 0) return '';
  const lines = [style.bold('ApplicationSets')];
  for (const appset of appsets) {
    const count = `${appset.apps.length} Application${appset.apps.length === 1 ? '' : 's'}`;
    lines.push(`  ${style.bold(style.cyan(appset.name))} ${style.dim(`(${appset.file}:${appset.line})`)} → ${count}${appset.apps.length ? `: ${appset.apps.join(', ')}` : ''}`);
    if (appset.reason) lines.push(`    ${style.yellow(appset.expandable ? '! fails:' : '! not expandable offline:')} ${appset.reason}`);
    for (const caveat of appset.caveats) lines.push(`    ${style.dim(`note: ${caveat}`)}`);
    const rolling = appset.rollingSync;
    if (!rolling) continue;
    const disabled = rolling.enabled === false ? style.red(' (not enabled in argocd-cmd-params-cm: ignored)') : '';
    lines.push(`    ${style.bold('RollingSync')}${disabled}`);
    for (const step of rolling.steps) {
      const max = step.maxUpdate === null ? 'all at once' : `maxUpdate ${step.maxUpdate} → ${step.maxUpdateScaled ?? '?'} at a time`;
      lines.push(`      step ${step.step} ${style.dim(`(${max})`)}: ${step.apps.length ? step.apps.join(', ') : style.dim('(no Application)')}`);
    }
    if (rolling.unselected.length > 0) lines.push(`      ${style.red('never synced by RollingSync:')} ${rolling.unselected.join(', ')}`);
  }
  return lines.join('\n');
}
