/**
 * Per-operation paging metadata for generated/paging.ts, read from openapi.yaml (issue 16):
 * which field is the page and which the page size, whether they go in the query or the JSON
 * body, the largest and default size (`maximum`/`default`, which the converter writes from the
 * pages' prose or the overlay from evidence), and how an answer says the list is done.
 *
 * An operation pages by number when it has a `page` field and a page-size field next to it
 * (same place) and its 200 body's `data` is a list (or undocumented: the generic envelope).
 * It pages by cursor when its 200 `meta` has a `…Cursor` object whose `next` names request
 * body fields (search_client_visits: `meta.dateCursor.next.from`/`to` → body `from`/`to`).
 */
import { PAGE_NAME, PAGE_SIZE_NAMES } from "./spec/page-size.js";

type Json = Record<string, unknown>;

/** How an answer says the list is done (besides an empty page, which always ends it). */
export type PagingDone = "total_count" | "from-to" | "short-page";

export interface NumberedPaging {
  style: "page";
  in: "query" | "body";
  page: string;
  size: string;
  maximum?: number;
  default?: number;
  done: PagingDone;
}

export interface CursorPaging {
  style: "cursor";
  in: "body";
  /** Dotted path of the next page's cursor object in the answer. */
  cursor: string;
  /** Cursor fields copied into the next request's body. */
  fields: string[];
}

export type OperationPaging = NumberedPaging | CursorPaging;

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

function deref(spec: Json, node: unknown): Json | undefined {
  let current = node as Json | undefined;
  for (let hops = 0; current && typeof current.$ref === "string" && hops < 20; hops++) {
    const name = current.$ref.replace("#/components/schemas/", "");
    current = ((spec.components as Json | undefined)?.schemas as Json | undefined)?.[name] as
      | Json
      | undefined;
  }
  return current;
}

/**
 * Properties of an object schema, through `$ref`, `allOf` (the envelopes wrap page bodies) and
 * `anyOf` branches (an object that may arrive as PHP's empty array is `anyOf: [object, []]`).
 */
function propertiesOf(spec: Json, node: unknown): Record<string, Json> {
  const schema = deref(spec, node);
  if (!schema) return {};
  const out: Record<string, Json> = {};
  for (const key of ["allOf", "anyOf", "oneOf"])
    for (const part of (schema[key] ?? []) as unknown[]) Object.assign(out, propertiesOf(spec, part));
  for (const [k, v] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) {
    out[k] = deref(spec, v) ?? {};
  }
  return out;
}

function jsonSchemaOf(spec: Json, holder: unknown): Json | undefined {
  const content = (holder as Json | undefined)?.content as Record<string, Json> | undefined;
  return deref(spec, content?.["application/json"]?.schema);
}

interface Field {
  name: string;
  in: "query" | "body";
  schema: Json;
}

function requestFields(spec: Json, op: Json): Field[] {
  const query = ((op.parameters ?? []) as Json[])
    .filter((p) => p.in === "query")
    .map((p): Field => ({ name: String(p.name), in: "query", schema: deref(spec, p.schema) ?? {} }));
  const body = Object.entries(propertiesOf(spec, jsonSchemaOf(spec, op.requestBody))).map(
    ([name, schema]): Field => ({ name, in: "body", schema }),
  );
  return [...query, ...body];
}

function numbered(spec: Json, op: Json, fields: Field[]): NumberedPaging | undefined {
  const page = fields.find((f) => f.name === PAGE_NAME);
  const size = page && fields.find((f) => f.in === page.in && PAGE_SIZE_NAMES.includes(f.name));
  if (!page || !size) return undefined;
  const body = propertiesOf(spec, jsonSchemaOf(spec, (op.responses as Json | undefined)?.["200"]));
  const data = body.data;
  // A list: an array, or the generic envelope's untyped `data` (a page with an undocumented body);
  // `allOf` is typed (an entity `$ref` with the page's own notes, scripts/lib/spec/entities/pass.ts).
  const isList =
    data !== undefined && (data.type === "array" || (data.type === undefined && !data.anyOf && !data.allOf));
  if (!isList) return undefined;
  const meta = propertiesOf(spec, body.meta);
  const done: PagingDone =
    "total_count" in meta ? "total_count" : "from" in meta && "to" in meta ? "from-to" : "short-page";
  const out: NumberedPaging = { style: "page", in: page.in, page: page.name, size: size.name, done };
  if (typeof size.schema.maximum === "number") out.maximum = size.schema.maximum;
  if (typeof size.schema.default === "number") out.default = size.schema.default;
  return out;
}

function cursor(spec: Json, op: Json, fields: Field[]): CursorPaging | undefined {
  const body = propertiesOf(spec, jsonSchemaOf(spec, (op.responses as Json | undefined)?.["200"]));
  const meta = propertiesOf(spec, body.meta);
  for (const [name, schema] of Object.entries(meta)) {
    if (!/cursor$/i.test(name)) continue;
    const next = propertiesOf(spec, propertiesOf(spec, schema).next);
    const carried = Object.keys(next).filter((k) => fields.some((f) => f.in === "body" && f.name === k));
    if (carried.length > 0)
      return { style: "cursor", in: "body", cursor: `meta.${name}.next`, fields: carried };
  }
  return undefined;
}

/** Every paged operation of a parsed spec, keyed `"<METHOD> <path>"`, in spec order. */
export function pagingRows(spec: Json): [string, OperationPaging][] {
  const rows: [string, OperationPaging][] = [];
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const fields = requestFields(spec, op);
      const paging = numbered(spec, op, fields) ?? cursor(spec, op, fields);
      if (paging) rows.push([`${method.toUpperCase()} ${path}`, paging]);
    }
  }
  return rows;
}

/** The body of generated/paging.ts (after the generator's header). */
export function renderPaging(spec: Json): string[] {
  const rows = pagingRows(spec);
  return [
    "/** How an answer says a numbered list is done (an empty page always ends it). */",
    'export type PagingDone = "total_count" | "from-to" | "short-page";',
    "",
    "/** `page` + a page-size field, in the query or the JSON body. */",
    "export interface NumberedPaging {",
    '  readonly style: "page";',
    '  readonly in: "query" | "body";',
    "  readonly page: string;",
    "  readonly size: string;",
    "  /** The largest page size the page (or the evidence) states. */",
    "  readonly maximum?: number;",
    "  /** The size the server uses when none is sent. */",
    "  readonly default?: number;",
    "  readonly done: PagingDone;",
    "}",
    "",
    "/** The next request's body fields are copied from a cursor object of the answer. */",
    "export interface CursorPaging {",
    '  readonly style: "cursor";',
    '  readonly in: "body";',
    "  /** Dotted path of the next page's cursor in the answer. */",
    "  readonly cursor: string;",
    "  readonly fields: readonly string[];",
    "}",
    "",
    "export type OperationPaging = NumberedPaging | CursorPaging;",
    "",
    `/** The ${rows.length} paged operations of openapi.yaml, keyed \`"<METHOD> <path template>"\`. */`,
    "export const paging = {",
    ...rows.map(([key, value]) => `  ${JSON.stringify(key)}: ${literal(value)},`),
    "} as const satisfies Readonly<Record<string, OperationPaging>>;",
    "",
  ];
}

function literal(value: OperationPaging): string {
  const parts = Object.entries(value).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return `{ ${parts.join(", ")} }`;
}
