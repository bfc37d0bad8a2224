import { type BlueprintAction, extractActions } from "./actions.js";
import { loadBlueprint } from "./load.js";
import { type NamedTypes, namedTypes } from "./mson-schema.js";

export interface ReadBlueprint {
  sha256: string;
  actions: BlueprintAction[];
  types: NamedTypes;
  /** Milliseconds spent loading and parsing (or reading the cached parse). */
  parseMs: number;
}

/** The blueprint as the enrichment uses it: every action plus the named MSON types. */
export async function readBlueprint(root: string): Promise<ReadBlueprint> {
  const started = performance.now();
  const loaded = await loadBlueprint(root);
  const parseMs = performance.now() - started;
  return {
    sha256: loaded.sha256,
    actions: extractActions(loaded.parseResult, loaded.source),
    types: namedTypes(loaded.parseResult),
    parseMs,
  };
}

export function actionAt(
  actions: readonly BlueprintAction[],
  method: string,
  line: number,
): BlueprintAction | undefined {
  return actions.find((a) => a.line === line && a.method === method.toUpperCase());
}
