// Keys that come from the workspace (YAML keys, patch fields, annotation keys) are ordinary data. A key named
// `__proto__` must become an own property, never the object's prototype, and a missing key must not be found
// on Object.prototype (`constructor`, `toString`). These helpers do both; they keep plain objects so bodies
// still compare and serialise as usual.

/** Sets `key` as an own, enumerable property, whatever its name. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** The value of an own property only. */
export function getOwn(target: Record<string, unknown> | undefined, key: string): unknown {
  return target !== undefined && Object.hasOwn(target, key) ? target[key] : undefined;
}

/** A copy of the own enumerable properties, `__proto__` included as data. */
export function copyOwn(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) setOwn(out, key, value);
  return out;
}

/** A constant table looked up with keys from the workspace: no prototype, so `constructor` finds nothing. */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
