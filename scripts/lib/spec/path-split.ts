// Splits each GET whose trailing path segment the vendor documents as optional (see
// optional-segments.ts) into two operations: the documented template keeps its operationId and
// answers one item; the template without the segment is a new operation, `<slug>_all`, that
// answers the list. Where the list template already has a GET of its own (the legacy
// /staff/{location_id} and /services/{location_id}), that one is the list and nothing is added.
//
// Shapes: a page documents one of the two forms. Its `data` array becomes the list's, and the
// single form answers one item of it (`data` object); a `data` object is the single form's, and
// the list answers an array of it. Evidence: altegio-041 (GET …/service_categories/{id} answers
// `data` as one object where the page says an array) and altegio-047 (GET /company/{id}/staff answers
// an array of the team member object the page documents).

import { isRecord } from "../../../src/internal/is-record.js";
import type { OptionalSegment } from "./optional-segments.js";

type Obj = Record<string, unknown>;
const clone = <T>(v: T): T => structuredClone(v);

export const LIST_SUFFIX = "_all";

export interface SplitRecord {
  slug: string;
  path: string;
  param: string;
  listPath: string;
  /** The operation that answers the list. */
  listOperationId: string;
  /** False when the list template already had its own GET. */
  added: boolean;
  evidence: string;
}

export function splitOptionalSegments(doc: Obj, found: OptionalSegment[]): SplitRecord[] {
  const paths = doc.paths as Record<string, Obj>;
  const schemas = ((doc.components as Obj).schemas ?? {}) as Record<string, Obj>;
  const ids = new Set(
    Object.values(paths).flatMap((item) =>
      Object.values(item)
        .filter(isRecord)
        .map((op) => op.operationId),
    ),
  );
  const records: SplitRecord[] = [];
  for (const seg of found) {
    const single = paths[seg.path]?.get;
    if (!isRecord(single) || single.operationId !== seg.slug)
      throw new Error(`path split: no GET ${seg.path} (${seg.slug}) in the document`);
    const listPath = seg.path.slice(0, seg.path.lastIndexOf("/"));
    const existing = paths[listPath]?.get;
    const listOperationId = isRecord(existing) ? String(existing.operationId) : `${seg.slug}${LIST_SUFFIX}`;
    const record: SplitRecord = {
      slug: seg.slug,
      path: seg.path,
      param: seg.param,
      listPath,
      listOperationId,
      added: !isRecord(existing),
      evidence: seg.evidence,
    };
    single["x-altegio-split"] = {
      form: "single",
      param: seg.param,
      list: listOperationId,
      evidence: seg.evidence,
    };
    if (isRecord(existing)) {
      records.push(record);
      continue;
    }
    if (ids.has(listOperationId)) throw new Error(`path split: operationId ${listOperationId} is taken`);
    ids.add(listOperationId);
    const list = clone(single);
    list.operationId = listOperationId;
    list.parameters = ((list.parameters ?? []) as Obj[]).filter(
      (p) => !(p.in === "path" && p.name === seg.param),
    );
    list.description = [
      `List form of \`${seg.slug}\`: the vendor documents the trailing \`{${seg.param}}\` as optional (${seg.evidence}).`,
      typeof single.description === "string" ? single.description : "",
    ]
      .filter((s) => s !== "")
      .join("\n\n");
    list["x-altegio-split"] = { form: "list", param: seg.param, of: seg.slug, evidence: seg.evidence };
    for (const [status, response] of Object.entries((list.responses ?? {}) as Record<string, Obj>)) {
      if (!/^2\d\d$/.test(status)) continue;
      const singleResponse = ((single.responses as Obj)[status] ?? {}) as Obj;
      reshape(schemas, response, `${listOperationId}_${status}`, "list");
      reshape(schemas, singleResponse, undefined, "single");
    }
    paths[listPath] = { ...(paths[listPath] ?? {}), get: list };
    records.push(record);
  }
  return records;
}

/**
 * Gives a 2xx response the list or single form of its envelope `data`. `copyAs` names a new
 * component for the list (the single form keeps its own, reshaped in place).
 */
function reshape(
  schemas: Record<string, Obj>,
  response: Obj,
  copyAs: string | undefined,
  form: "list" | "single",
) {
  for (const media of Object.values((response.content ?? {}) as Record<string, Obj>)) {
    const schema = media.schema as Obj | undefined;
    const ref =
      typeof schema?.$ref === "string" ? schema.$ref.replace("#/components/schemas/", "") : undefined;
    if (!ref || !schemas[ref]) continue;
    if (copyAs) {
      if (!schemas[copyAs]) schemas[copyAs] = reshapeBody(clone(schemas[ref]), form);
      media.schema = { $ref: `#/components/schemas/${copyAs}` };
    } else {
      // Both media types share one component: reshaping is a no-op the second time.
      schemas[ref] = reshapeBody(schemas[ref], form);
    }
  }
}

function reshapeBody(body: Obj, form: "list" | "single"): Obj {
  const props = body.properties as Record<string, Obj> | undefined;
  const data = props?.data;
  if (!props || !isRecord(data)) return body;
  if (form === "list" && data.type === "object") {
    const { description, example, ...item } = data;
    props.data = {
      type: "array",
      ...(description !== undefined ? { description } : {}),
      items: item,
      ...(example !== undefined ? { example: [example] } : {}),
    };
    if (isRecord(body.example) && "data" in body.example) body.example.data = [body.example.data];
  } else if (form === "single" && data.type === "array" && isRecord(data.items)) {
    // The page's `data (array)` and its example describe the list: kept as the vendor's word.
    props.data = {
      ...data.items,
      ...(Array.isArray(data.example) && data.example.length > 0 ? { example: data.example[0] } : {}),
      "x-altegio-vendor-type": "array",
      ...(data.example !== undefined ? { "x-altegio-vendor-example": data.example } : {}),
      "x-altegio-choice":
        "The page documents one URL for the list and one item; this is the single form, whose `data` is one item (evidence altegio-041).",
    };
    if (isRecord(body.example) && Array.isArray(body.example.data)) {
      if (body.example.data.length > 0) body.example.data = body.example.data[0];
      else delete body.example;
    }
  }
  return body;
}
