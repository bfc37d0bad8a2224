// Success and request bodies: the catalog's shape merged into the other source's (shapes.ts), or,
// where that source had only the generic envelope, the catalog's body alone.
import { bothMediaTypes, catalogResponseSchema, ref, requestContent } from "./bodies.js";
import type { Disagreement, OtherSource } from "./disagreements.js";
import { dropUnfitExamples } from "./examples.js";
import type { Doc } from "./operations.js";
import type { CatalogEntry } from "./read.js";
import { type Schema, toOpenApi, typesOf } from "./schema.js";
import { type MergeContext, mergeShape } from "./shapes.js";

type Record_ = (d: Omit<Disagreement, "operationId" | "source">) => void;

const GENERIC = new Set(["#/components/schemas/Envelope", "#/components/schemas/GenericRequest"]);

function componentOf(holder: Schema | undefined): string | undefined {
  const content = (holder?.content ?? {}) as Record<string, Schema>;
  const schema = Object.values(content)[0]?.schema as Schema | undefined;
  const target = typeof schema?.$ref === "string" ? schema.$ref : undefined;
  return target && !GENERIC.has(target) ? target.replace("#/components/schemas/", "") : undefined;
}

const isSchema = (value: unknown): value is Schema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The single form of a GET split at an optional last segment (scripts/lib/spec/path-split.ts). */
const isSplitSingle = (operation: Schema): boolean => {
  const split = operation["x-altegio-split"];
  return isSchema(split) && split.form === "single";
};

const isEnvelopeShaped = (body: Schema): boolean => {
  const props = (body.properties ?? {}) as Schema;
  return props.data !== undefined && (props.success !== undefined || props.meta !== undefined);
};

export function applyBodies(
  doc: Doc,
  operation: Schema,
  entry: CatalogEntry,
  source: OtherSource,
  record: Record_,
): void {
  const schemas = doc.components.schemas;
  const slug = entry.operationId;
  const fromPage = source === "page";
  const touched: string[] = [];
  const status = entry.response.statusCode;
  const response = ((operation.responses ?? {}) as Record<string, Schema>)[status];
  const catalogBody = entry.response.schema;
  if (catalogBody && response && status !== "204") {
    const name = componentOf(response);
    const ctx: MergeContext = { fromPage, schemas, section: `response ${status}`, record };
    const body = name ? schemas[name] : undefined;
    const enveloped = entry.response.envelope === "v1";
    if (!name || !body) {
      const own = `${slug}_${status}`;
      if (schemas[own]) throw new Error(`components/schemas/${own} already exists`);
      schemas[own] = catalogResponseSchema(entry) as Schema;
      response.content = bothMediaTypes(ref(own));
      record({
        kind: "field-missing",
        where: `response ${status}: (body)`,
        catalog: enveloped ? "envelope" : typesOf(catalogBody).join(",") || "any",
        other: "generic envelope",
        resolution: "catalog",
      });
    } else if (enveloped && isEnvelopeShaped(body)) {
      const props = body.properties as Record<string, Schema>;
      const items = catalogBody.items;
      const single = isSplitSingle(operation) && props.data?.type === "object";
      if (single && typesOf(catalogBody).join() === "array" && isSchema(items)) {
        // The catalog keeps one URL for a path with an optional last segment, and its array is the
        // list form's; the single form answers one item (evidence outranks the catalog).
        record({
          kind: "field-type",
          where: `response ${status}: data`,
          catalog: "array",
          other: "object",
          resolution: "kept",
          note: "the single form of a split path answers one item (evidence altegio-041); the catalog's array is the list form's",
        });
        props.data = mergeShape(items, props.data, "data", ctx);
      } else props.data = mergeShape(catalogBody, props.data, "data", ctx);
      touched.push(name);
    } else if (enveloped) {
      record({
        kind: "envelope",
        where: `response ${status}`,
        catalog: "envelope",
        other: "no envelope",
        resolution: fromPage ? "kept" : "catalog",
        ...(fromPage ? { note: "the page documents the body without the envelope; its fields stay" } : {}),
      });
      if (!fromPage) {
        schemas[name] = catalogResponseSchema(entry) as Schema;
        touched.push(name);
      } else
        schemas[name] = mergeShape({ ...catalogBody }, body, "", { ...ctx, section: `response ${status}` });
    } else if (isEnvelopeShaped(body)) {
      // The bundle answers the bare body (the analytics charts): no envelope.
      record({
        kind: "envelope",
        where: `response ${status}`,
        catalog: `bare ${typesOf(catalogBody).join(",")}`,
        other: "envelope",
        resolution: fromPage ? "kept" : "catalog",
        ...(fromPage ? { note: "the page documents the envelope; its fields stay" } : {}),
      });
      if (!fromPage) {
        const marker = body["x-altegio-docs"];
        const data = (body.properties as Record<string, Schema>).data;
        schemas[name] = {
          ...mergeShape(catalogBody, data, "", ctx),
          ...(marker ? { "x-altegio-docs": marker } : {}),
        };
        touched.push(name);
      }
    } else {
      const before = body.type;
      schemas[name] = mergeShape(catalogBody, body, "", ctx);
      if (before !== schemas[name]?.type && schemas[name]?.type === "array")
        record({
          kind: "envelope",
          where: `response ${status}`,
          catalog: "bare array",
          other: `bare ${String(before)}`,
          resolution: "catalog",
        });
      touched.push(name);
    }
  }
  const catalogRequest = entry.requestBody?.schema;
  if (catalogRequest) {
    const holder = operation.requestBody as Schema | undefined;
    const name = componentOf(holder);
    const body = name ? schemas[name] : undefined;
    if (!name || !body) {
      const own = `${slug}_request`;
      if (schemas[own]) throw new Error(`components/schemas/${own} already exists`);
      schemas[own] = toOpenApi(catalogRequest);
      const declared = requestContent(entry.requestBody?.contentType, ref(own));
      if (entry.requestBody?.required) declared.required = true;
      operation.requestBody = declared;
      record({
        kind: "field-missing",
        where: "request: (body)",
        catalog: typesOf(catalogRequest).join(",") || "any",
        other: holder ? "generic request" : "absent",
        resolution: "catalog",
      });
    } else {
      schemas[name] = mergeShape(catalogRequest, body, "", { fromPage, schemas, section: "request", record });
      touched.push(name);
    }
  }
  // Blueprint examples that no longer fit the catalog's types go (the structure wins, as in the blueprint module).
  if (!fromPage)
    for (const name of touched) {
      const schema = schemas[name];
      if (schema) dropUnfitExamples(schemas, schema);
    }
}
