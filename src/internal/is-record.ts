/**
 * True for a plain JSON-style object: not null, not an array. The one copy of this guard for
 * src/, scripts/ and the tests. On a `Json`-typed value it narrows to the object member;
 * `isRecord<Json>(x)` narrows an `unknown` to a JSON object.
 *
 * @example
 * isRecord({ a: 1 }); // true
 * isRecord([1]);      // false
 */
export function isRecord<V = unknown>(value: unknown): value is Record<string, V> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
