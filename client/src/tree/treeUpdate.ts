// How the "Sync Order" (or "Promotion Pipelines") tree changes between two models, so the view refreshes only what changed.
// A full refresh makes VS Code forget every node while it may still be fetching the children of expanded ones,
// which it then logs as "No tree item with id ... found"; refreshing single nodes keeps the others known.
// Pure: no `vscode` import, so it is unit-tested in Node.

/** What both trees' plain nodes have: an id, children, and what their TreeItem shows. */
export interface UpdatableNode {
  id: string;
  type: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon?: unknown;
  location?: unknown;
  children: readonly UpdatableNode[];
}

function* walk(nodes: readonly UpdatableNode[]): Generator<UpdatableNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

export type TreeUpdate = { kind: 'structure' } | { kind: 'nodes'; ids: string[] };

/** `structure` when nodes were added, removed, moved or reordered; else the ids whose display changed (maybe none). */
export function treeUpdate(previous: readonly UpdatableNode[], next: readonly UpdatableNode[]): TreeUpdate {
  if (shape(previous) !== shape(next)) return { kind: 'structure' };
  const before = new Map([...walk(previous)].map((node) => [node.id, displayOf(node)]));
  const ids = [...walk(next)].filter((node) => before.get(node.id) !== displayOf(node)).map((node) => node.id);
  return { kind: 'nodes', ids };
}

/** Ids with their parents, in order, and whether each can expand. */
function shape(roots: readonly UpdatableNode[]): string {
  const parts: string[] = [];
  const visit = (nodes: readonly UpdatableNode[], parent: string): void => {
    for (const node of nodes) {
      parts.push(`${parent}>${node.id}${node.children.length > 0 ? '+' : ''}`);
      visit(node.children, node.id);
    }
  };
  visit(roots, '');
  return parts.join('\n');
}

/** What VS Code shows for a node (its TreeItem), without its children. */
function displayOf(node: UpdatableNode): string {
  return JSON.stringify([node.type, node.label, node.description, node.tooltip, node.icon, node.location]);
}
