/**
 * A record's own entry for a key that came from outside (a path, a body), or undefined. Plain
 * objects inherit `constructor`, `toString` and `__proto__` from Object.prototype: a lookup with
 * such a key must find nothing, not a function or the prototype itself.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
