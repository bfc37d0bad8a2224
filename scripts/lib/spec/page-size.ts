// Page-size limits the vendor pages state in prose, as schema keywords. A page says "The number of
// output lines per page. Maximum 200. (Default 25)" or "Items per page (max 100)" in the field's
// description; nothing else carries the number, so the converter reads it from there and writes
// `maximum`/`default` on the parameter's (or request body property's) schema. Only paging fields are
// read: "Maximum cost of the service" or "Maximum value is 3600" on other fields are not page sizes.
import type { Schema } from "./schema-builder.js";

/** Names the vendor gives the page-size field (query or body); `page` is always the page number. */
export const PAGE_SIZE_NAMES: readonly string[] = [
  "count",
  "page_size",
  "limit",
  "editable_length",
  "per_page",
];
export const PAGE_NAME = "page";

const MAXIMUM = /\bmax(?:imum)?\.?\s*(?:is\s*|:\s*)?(\d[\d,]*)\b/i;
const DEFAULT = /\bdefault(?:\s+value)?(?:\s+is|:)?\s*(\d[\d,]*)\b/i;

export interface PageFieldLimits {
  maximum?: number;
  default?: number;
}

/** Whether a field is a page size: a known name described in terms of a page. */
export function isPageSizeField(name: string, description: string): boolean {
  return PAGE_SIZE_NAMES.includes(name) && /\bpage\b/i.test(description);
}

/** Whether a field is the page number ("Page number", "Selection page"). */
export function isPageField(name: string, description: string): boolean {
  return name === PAGE_NAME && (description === "" || /\bpage\b/i.test(description));
}

/** `maximum` and `default` stated in a description, as numbers; absent when not stated. */
export function statedLimits(description: string): PageFieldLimits {
  const out: PageFieldLimits = {};
  const maximum = MAXIMUM.exec(description)?.[1];
  const fallback = DEFAULT.exec(description)?.[1];
  if (maximum !== undefined) out.maximum = Number(maximum.replaceAll(",", ""));
  if (fallback !== undefined) out.default = Number(fallback.replaceAll(",", ""));
  return out;
}

/** One annotated field, for the build report and tests. */
export interface PageLimitNote {
  operation: string;
  field: string;
  in: "query" | "body";
  limits: PageFieldLimits;
}

const METHODS = ["get", "put", "post", "delete", "patch"];

/**
 * Writes the stated `maximum`/`default` onto every page and page-size field of the document's
 * operations: query parameters, and top-level properties of JSON request bodies (POST searches).
 * Runs before the corrections overlay, so evidence the pages lack is added there, with its source.
 */
export function annotatePageLimits(doc: Record<string, unknown>): PageLimitNote[] {
  const notes: PageLimitNote[] = [];
  const paths = doc.paths as Record<string, Record<string, Schema>>;
  const schemas = ((doc.components as Schema | undefined)?.schemas ?? {}) as Record<string, Schema>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const operation = `${method.toUpperCase()} ${path}`;
      const overview = String(op.description ?? "");
      for (const param of (op.parameters ?? []) as Schema[]) {
        if (param.in !== "query") continue;
        const name = String(param.name);
        const limits = annotate(name, String(param.description ?? ""), overview, param.schema as Schema);
        if (limits) notes.push({ operation, field: name, in: "query", limits });
      }
      const body = jsonBodySchema(op, schemas);
      for (const [name, property] of Object.entries((body?.properties ?? {}) as Record<string, Schema>)) {
        const limits = annotate(name, String(property.description ?? ""), overview, property);
        if (limits) notes.push({ operation, field: name, in: "body", limits });
      }
    }
  }
  return notes;
}

function annotate(
  name: string,
  description: string,
  overview: string,
  schema: Schema | undefined,
): PageFieldLimits | undefined {
  if (!schema || !(isPageSizeField(name, description) || isPageField(name, description))) return undefined;
  // The field's own description wins over the overview's line about it.
  const limits = { ...statedLimits(overviewLine(overview, name)), ...statedLimits(description) };
  if (limits.maximum === undefined && limits.default === undefined) return undefined;
  if (limits.maximum !== undefined) schema.maximum = limits.maximum;
  if (limits.default !== undefined) schema.default = limits.default;
  return limits;
}

/**
 * What the operation's description says about one field, in the two forms the pages use:
 * a list line `- page_size - Items per page (default: 10, max: 100)` or a table row
 * `| editable_length | Number of clients per page |`.
 */
export function overviewLine(overview: string, name: string): string {
  for (const line of overview.split("\n")) {
    const item = new RegExp(`^\\s*[-+*]\\s*\`?${name}\`?\\s*[-–:]\\s*(.+)$`).exec(line);
    if (item?.[1]) return item[1];
    const row = new RegExp(`^\\|\\s*\`?${name}\`?\\s*\\|(.+)\\|\\s*$`).exec(line);
    if (row?.[1]) return row[1];
  }
  return "";
}

function jsonBodySchema(op: Schema, schemas: Record<string, Schema>): Schema | undefined {
  const content = (op.requestBody as Schema | undefined)?.content as Record<string, Schema> | undefined;
  const schema = content?.["application/json"]?.schema as Schema | undefined;
  const ref = typeof schema?.$ref === "string" ? schema.$ref : undefined;
  return ref ? schemas[ref.replace("#/components/schemas/", "")] : schema;
}
