// A short lens above each resource: its phase, wave and step, or why it is not synced (the hover and the
// Sync Order view explain more).

import type { CodeLens, Position } from 'vscode-languageserver';
import type { WorkspaceAnalysis } from '../core/discover/appTypes';
import type { K8sObject } from '../core/model/k8sObject';
import { planPlaces, renderedPlaces, type PlanPlace } from './planLookup';

export const REVEAL_COMMAND = 'syncplan.revealInSyncOrder';

export function codeLensesFor(
  uri: string,
  objects: readonly K8sObject[],
  workspace: WorkspaceAnalysis,
  positionOf: (offset: number) => Position,
  path?: string,
): CodeLens[] {
  const lenses: CodeLens[] = [];
  const file = path ?? objects[0]?.source.file;
  const rendered = file ? renderedPlaces(workspace, file) : [];
  // A Helm template: one lens per rendered object, on the template line that produced it (a loop gives several).
  if (rendered.length > 0) return renderedLenses(uri, rendered, positionOf);
  const seenDocs = new Set<number>();
  for (const object of objects) {
    if (seenDocs.has(object.source.docIndex)) continue;
    seenDocs.add(object.source.docIndex);
    const places = planPlaces(workspace, { file: object.source.file, docIndex: object.source.docIndex });
    const position = positionOf(object.source.span.start);
    const manyApps = new Set(places.map((p) => p.app.id)).size > 1;
    for (const place of places) {
      const title = lensTitle(place) + (manyApps ? ` · ${place.app.name}` : '');
      lenses.push({ range: { start: position, end: position }, command: { title, command: REVEAL_COMMAND, arguments: [uri, position] } });
    }
  }
  return lenses;
}

function renderedLenses(uri: string, rendered: ReturnType<typeof renderedPlaces>, positionOf: (offset: number) => Position): CodeLens[] {
  const manyApps = new Set(rendered.map((r) => r.place.app.id)).size > 1;
  const perLine = new Map<number, number>();
  for (const { object } of rendered) {
    const line = positionOf(object.source.anchor.start).line;
    perLine.set(line, (perLine.get(line) ?? 0) + 1);
  }
  return rendered.map(({ place, object }) => {
    const at = positionOf(object.source.anchor.start);
    const position = { line: at.line, character: 0 };
    const suffix = (perLine.get(at.line) ?? 0) > 1 ? ` · ${object.name || object.kind}` : '';
    const title = lensTitle(place) + suffix + (manyApps ? ` · ${place.app.name}` : '');
    return { range: { start: position, end: position }, command: { title, command: REVEAL_COMMAND, arguments: [uri, position] } };
  });
}

function lensTitle(place: PlanPlace): string {
  switch (place.kind) {
    case 'step':
      return `${place.task.phase} · wave ${place.task.wave} · ${place.stepIndex + 1}/${place.app.plan.steps.length}`;
    case 'syncFail':
      return `SyncFail · wave ${place.task.wave}`;
    case 'skipped':
      return 'Skipped';
    case 'dropped':
      // Argo CD drops an object only when its hook annotations name no sync phase.
      return 'Dropped: invalid hook';
    case 'deleteHook':
      return `${place.phases.join(', ')} hook`;
  }
}
