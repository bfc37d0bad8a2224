// JSONPath for the corrections overlay: RFC 9535 (which Overlay 1.0 requires) through
// jsonpath-rfc9535, a maintained implementation that passes the JSONPath Compliance Test Suite.
// This module only adds what `remove` needs: each matched node with its parent and key.
import { exec, type JsonValue } from "jsonpath-rfc9535";

export interface Match {
  value: unknown;
  parent: Record<string, unknown> | unknown[] | undefined;
  key: string | number | undefined;
}

function nodeAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/**
 * Every node `expression` selects in `root`, in RFC 9535 order. An invalid expression throws,
 * naming it.
 *
 * @example
 * query({ a: { b: 1 } }, "$.a.b"); // [{ value: 1, parent: { b: 1 }, key: "b" }]
 */
export function query(root: unknown, expression: string): Match[] {
  const matches: Match[] = [];
  try {
    exec(root as JsonValue, expression, (value, path) => {
      const key = path.at(-1);
      const parent = path.length === 0 ? undefined : nodeAt(root, path.slice(0, -1));
      matches.push({ value, parent: parent as Match["parent"], key });
    });
  } catch (error) {
    throw new Error(
      `invalid JSONPath ${expression}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return matches;
}
