// RFC 6902 JSON Patch (add, remove, replace, move, copy, test) over plain JS values, as Kustomize's patchesJson6902.

import { asRecord } from './ids';

export interface JsonPatchOperation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

/** Applies operations in order to a copy of `document`; throws an Error describing the first failing operation. */
export function applyJsonPatch(document: Record<string, unknown>, operations: JsonPatchOperation[]): Record<string, unknown> {
  let root: unknown = structuredClone(document);
  for (const operation of operations) root = applyOperation(root, operation);
  const result = asRecord(root);
  if (!result) throw new Error('the patch replaced the whole object with a non-object');
  return result;
}

function applyOperation(root: unknown, operation: JsonPatchOperation): unknown {
  const path = parsePointer(pointerField(operation, 'path'));
  switch (operation.op) {
    case 'add':
      return insert(root, path, structuredClone(operation.value), true);
    case 'replace':
      // Kustomize's JSON patch library (evanphx/json-patch v5) adds a missing key when its parent map exists;
      // a missing parent or array index still fails (checked against `kubectl kustomize`).
      if (!replacesMissingMapKey(root, path)) get(root, path, operation.path);
      return insert(root, path, structuredClone(operation.value), false);
    case 'remove':
      return remove(root, path, operation.path);
    case 'move': {
      const fromText = pointerField(operation, 'from');
      const from = parsePointer(fromText);
      const value = get(root, from, fromText);
      return insert(remove(root, from, fromText), path, value, true);
    }
    case 'copy': {
      const fromText = pointerField(operation, 'from');
      const value = get(root, parsePointer(fromText), fromText);
      return insert(root, path, structuredClone(value), true);
    }
    case 'test': {
      const value = get(root, path, operation.path);
      if (JSON.stringify(value) !== JSON.stringify(operation.value)) throw new Error(`test failed at ${operation.path}`);
      return root;
    }
    default:
      throw new Error(operation.op === undefined ? 'an operation has no "op" field' : `unknown operation ${JSON.stringify(operation.op)}`);
  }
}

/** The operation's `path` or `from`: json-patch refuses an operation whose field is missing or not a string. */
function pointerField(operation: JsonPatchOperation, field: 'path' | 'from'): string {
  const value: unknown = operation[field];
  if (typeof value === 'string') return value;
  const op = typeof operation.op === 'string' ? `"${operation.op}" ` : '';
  throw new Error(value === undefined ? `the ${op}operation has no "${field}" field` : `the ${op}operation's "${field}" is not a string`);
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`invalid JSON pointer "${pointer}"`);
  return pointer.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function get(root: unknown, path: string[], pointer: string): unknown {
  let current = root;
  for (const part of path) {
    if (Array.isArray(current)) {
      const index = Number(part);
      if (!/^\d+$/.test(part) || index >= current.length) throw new Error(`path ${pointer} does not exist`);
      current = current[index];
    } else if (asRecord(current) && Object.hasOwn(current as object, part)) {
      // Own keys only: "__proto__" or "constructor" must not walk into prototypes (Kustomize: path does not exist).
      current = (current as Record<string, unknown>)[part];
    } else {
      throw new Error(`path ${pointer} does not exist`);
    }
  }
  return current;
}

function replacesMissingMapKey(root: unknown, path: string[]): boolean {
  if (path.length === 0) return false;
  try {
    const parent = get(root, path.slice(0, -1), '');
    return !Array.isArray(parent) && asRecord(parent) !== undefined && !Object.hasOwn(parent as object, path[path.length - 1]);
  } catch {
    return false;
  }
}

function insert(root: unknown, path: string[], value: unknown, adding: boolean): unknown {
  if (path.length === 0) return value;
  const parent = get(root, path.slice(0, -1), `/${path.slice(0, -1).join('/')}`);
  const last = path[path.length - 1];
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!/^(\d+|-)$/.test(last) || index > parent.length) throw new Error(`array index ${last} is out of range`);
    if (adding) parent.splice(index, 0, value);
    else parent[index] = value;
  } else if (asRecord(parent)) {
    // defineProperty creates an own key even for "__proto__", so a patch can never replace a prototype.
    Object.defineProperty(parent, last, { value, writable: true, enumerable: true, configurable: true });
  } else {
    throw new Error(`cannot set "${last}" inside a scalar`);
  }
  return root;
}

function remove(root: unknown, path: string[], pointer: string): unknown {
  get(root, path, pointer);
  if (path.length === 0) return undefined;
  const parent = get(root, path.slice(0, -1), pointer);
  const last = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete (parent as Record<string, unknown>)[last];
  return root;
}
