// How the "Sync Order" tree changes between two models, so the view refreshes only what changed.
// A full refresh makes VS Code forget every node while it may still be fetching the children of expanded ones,
// which it then logs as "No tree item with id ... found"; refreshing single nodes keeps the others known.
// Pure: no `vscode` import, so it is unit-tested in Node.

import { walkNodes, type PlanNode } from './planTreeNodes';

export type TreeUpdate = { kind: 'structure' } | { kind: 'nodes'; ids: string[] };

/** `structure` when nodes were added, removed, moved or reordered; else the ids whose display changed (maybe none). */
export function treeUpdate(previous: readonly PlanNode[], next: readonly PlanNode[]): TreeUpdate {
  if (shape(previous) !== shape(next)) return { kind: 'structure' };
  const before = new Map([...walkNodes(previous)].map((node) => [node.id, displayOf(node)]));
  const ids = [...walkNodes(next)].filter((node) => before.get(node.id) !== displayOf(node)).map((node) => node.id);
  return { kind: 'nodes', ids };
}

/** Ids with their parents, in order, and whether each can expand. */
function shape(roots: readonly PlanNode[]): string {
  const parts: string[] = [];
  const visit = (nodes: readonly PlanNode[], parent: string): void => {
    for (const node of nodes) {
      parts.push(`${parent}>${node.id}${node.children.length > 0 ? '+' : ''}`);
      visit(node.children, node.id);
    }
  };
  visit(roots, '');
  return parts.join('\n');
}

/** What VS Code shows for a node (its TreeItem), without its children. */
function displayOf(node: PlanNode): string {
  return JSON.stringify([node.type, node.label, node.description, node.tooltip, node.icon, node.location]);
}
