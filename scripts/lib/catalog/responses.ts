// The catalog decides the success status: the other source's success response moves to the
// catalog's status (a 204 has no body). A vendor page's own statuses all stay.
import { bothMediaTypes, REASONS, ref } from "./bodies.js";
import type { Disagreement, OtherSource } from "./disagreements.js";
import type { Doc } from "./operations.js";
import type { CatalogEntry } from "./read.js";
import type { Schema } from "./schema.js";

type Record_ = (d: Omit<Disagreement, "operationId" | "source">) => void;

export function applyResponse(
  _doc: Doc,
  operation: Schema,
  entry: CatalogEntry,
  source: OtherSource,
  record: Record_,
): void {
  const responses = (operation.responses ?? {}) as Record<string, Schema>;
  const wanted = entry.response.statusCode;
  const success = Object.keys(responses).filter((s) => s.startsWith("2"));
  const others = success.filter((s) => s !== wanted);
  if (success.includes(wanted) && (others.length === 0 || source === "page")) return;
  record({
    kind: "status",
    where: "success status",
    catalog: wanted,
    other: success.join(",") || "none",
    resolution: source === "page" ? "both" : "catalog",
    ...(source === "page" ? { note: "the page's statuses stay beside the catalog's" } : {}),
  });
  if (!success.includes(wanted)) {
    const from = success.includes("200") ? "200" : success[0];
    const moved = from ? responses[from] : undefined;
    const response: Schema = { ...(moved ?? {}), description: REASONS[wanted] ?? `Status ${wanted}` };
    if (wanted === "204") {
      delete response.content;
    } else if (!response.content && entry.response.contentType !== undefined) {
      response.content = bothMediaTypes(ref("Envelope"));
    }
    responses[wanted] = response;
  }
  if (source !== "page") for (const status of others) delete responses[status];
  operation.responses = Object.fromEntries(
    Object.keys(responses)
      .sort()
      .map((s) => [s, responses[s]]),
  );
}
