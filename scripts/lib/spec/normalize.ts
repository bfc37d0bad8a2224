// Brings an OpenAPI document from the vendor bundle to the conventions of CONTRIBUTING.md: the root
// media-type extension, both response media types on one schema, no transport header parameters.
import { MEDIA_TYPES } from "./emitter.js";
import { TRANSPORT_HEADERS } from "./transport-headers.js";

type Json = Record<string, unknown>;

export function normalizeBundle(doc: Json): void {
  doc["x-altegio-media-type"] = "application/vnd.api.v2+json";
  for (const item of Object.values((doc.paths ?? {}) as Json)) {
    for (const operation of Object.values(item as Json)) {
      if (operation === null || typeof operation !== "object" || Array.isArray(operation)) continue;
      const op = operation as Json;
      if (Array.isArray(op.parameters)) {
        op.parameters = (op.parameters as Json[]).filter(
          (p) => !(p.in === "header" && TRANSPORT_HEADERS.has(String(p.name).toLowerCase())),
        );
      }
      for (const response of Object.values((op.responses ?? {}) as Json)) {
        const content = (response as Json).content as Json | undefined;
        const json = content?.[MEDIA_TYPES[0]];
        if (content && json && !content[MEDIA_TYPES[1]]) content[MEDIA_TYPES[1]] = json;
      }
    }
  }
}

/** Operations keyed by operationId (or `METHOD path`), for the added/removed/changed report. */
export function operationMap(doc: Json): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Json)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      if (operation === null || typeof operation !== "object" || !("responses" in (operation as Json)))
        continue;
      const op = operation as Json;
      out.set(
        String(op.operationId ?? `${method.toUpperCase()} ${path}`),
        `${method.toUpperCase()} ${path} ${JSON.stringify(op)}`,
      );
    }
  }
  return out;
}

export function diffOperations(
  before: Json,
  after: Json,
): { added: string[]; removed: string[]; changed: string[] } {
  const a = operationMap(before);
  const b = operationMap(after);
  return {
    added: [...b.keys()].filter((k) => !a.has(k)).sort(),
    removed: [...a.keys()].filter((k) => !b.has(k)).sort(),
    changed: [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)).sort(),
  };
}
