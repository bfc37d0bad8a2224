// Intermediate model (PageModel per operation, INDEX summaries) → OpenAPI 3.0.3 document.
// Order: tags in INDEX order, paths and component names sorted, methods in HTTP order,
// properties in page order, response codes ascending.
import { SECURITY_SCHEMES, SHARED_SCHEMAS, schemaRef } from "./components.js";
import type { IndexModel } from "./index-parser.js";
import type { OperationRow } from "./inputs.js";
import type { PageBody, PageField, PageModel } from "./model.js";
import {
  type EnumResolver,
  fieldSchema,
  flattenFields,
  objectSchema,
  type Schema,
  variantsSchema,
} from "./schema-builder.js";
import { TRANSPORT_HEADERS } from "./transport-headers.js";

export const MEDIA_TYPES = ["application/json", "application/vnd.api.v2+json"] as const;
const METHOD_ORDER = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
/** The partner-side endpoint of fiscalize_document, modelled as a callback of print_fiscal_receipt. */
export const CALLBACK = {
  slug: "fiscalize_document",
  host: "print_fiscal_receipt",
  expression: "https://your-api.url",
};

/**
 * GET /labels/{location_id}/{entity} and PUT/DELETE /labels/{location_id}/{tag_id} are the same
 * template, which OpenAPI forbids ("MUST NOT exist as they are identical") and which makes a mock
 * route one request to the wrong path item. The GET joins the other path item; its path parameter
 * is renamed, and the documented path and name are kept in `x-altegio-documented-*` (overlay note).
 */
export const PATH_MERGES: { slug: string; to: string; rename: Record<string, string> }[] = [
  { slug: "get_tag_list_by_entity", to: "/labels/{location_id}/{tag_id}", rename: { entity: "tag_id" } },
];

/** Titles such as "Update Tag (Deprecated) (deprecated)" mark deprecated operations. */
const DEPRECATED = /\(deprecated\)/i;

const REASONS: Record<string, string> = {
  "200": "OK",
  "201": "Created",
  "202": "Accepted",
  "204": "No Content",
  "400": "Bad Request",
  "401": "Unauthorized",
  "402": "Payment Required",
  "403": "Forbidden",
  "404": "Not Found",
  "409": "Conflict",
  "422": "Unprocessable Entity",
};

export interface EmitInput {
  operations: OperationRow[];
  pages: Map<string, PageModel>;
  index: IndexModel;
  /** Pages reconstructed from a seed document rather than copied (slug → note). */
  seeded: Map<string, string>;
}

export interface EmitReport {
  duplicates: string[];
  /** Component name → shared envelope its body has (wrapped by wrapEnvelopes after the overlay). */
  envelopes: Map<string, string>;
}

type Doc = Record<string, unknown> & {
  paths: Record<string, Record<string, Schema>>;
  components: { securitySchemes: Record<string, Schema>; schemas: Record<string, Schema> };
};

export function emitDocument(input: EmitInput): { doc: Doc; report: EmitReport } {
  const schemas: Record<string, Schema> = { ...SHARED_SCHEMAS };
  const report: EmitReport = { duplicates: [], envelopes: new Map() };
  const paths: Record<string, Record<string, Schema>> = {};
  const bodies: PendingBody[] = [];
  const built = new Map<string, Schema>();

  for (const row of input.operations) {
    const page = input.pages.get(row.slug);
    const op = page ? pageOperation(row, page, input, bodies, report) : indexOnlyOperation(row, input.index);
    built.set(row.slug, op);
    if (row.slug === CALLBACK.slug) continue;
    const path = mergePath(row.slug, page?.path ?? row.path, op);
    const item = paths[path] ?? {};
    item[page?.method ?? row.method] = op;
    paths[path] = item;
  }
  const callback = built.get(CALLBACK.slug);
  const host = built.get(CALLBACK.host);
  if (callback && host) {
    callback.description =
      `${String(callback.description ?? "")}\n\nx-altegio: this is the partner's own endpoint (the page's \`Endpoint: POST /https://your-api.url\`), so it is a callback of ${CALLBACK.host}, not a path.`.trim();
    host.callbacks = { [CALLBACK.slug]: { [CALLBACK.expression]: { post: callback } } };
  }
  nameBodies(bodies, schemas, report);

  const doc: Doc = {
    openapi: "3.0.3",
    info: {
      title: "Business Management",
      version: "1.0.0",
      description: `${input.index.intro}\n\nReconstructed from the vendor reference pages (spec/reference/altegio-b2b-v1) by scripts/build-spec.`,
      license: { name: "Altegio API Agreement" },
    },
    "x-altegio-media-type": "application/vnd.api.v2+json",
    servers: [
      { url: "https://api.alteg.io/api/v1", description: "Production" },
      { url: "https://developer.alteg.io/_mock/en/b2b-v1/openapi", description: "Vendor mock server" },
    ],
    tags: input.index.tags.map((t) => ({
      name: t.name,
      description: t.description,
      "x-displayName": t.displayName,
    })),
    paths: sortPaths(paths),
    components: { securitySchemes: SECURITY_SCHEMES, schemas: sortKeys(schemas) },
  };
  return { doc, report };
}

interface PendingBody {
  slug: string;
  status: string;
  schema: Schema;
  /** Where to write the `$ref` once the component name is known. */
  targets: Schema[];
  shareable: boolean;
}

function mergePath(slug: string, path: string, op: Schema): string {
  const merge = PATH_MERGES.find((m) => m.slug === slug);
  if (!merge) return path;
  op["x-altegio-documented-path"] = path;
  for (const param of (op.parameters ?? []) as Schema[]) {
    const to = param.in === "path" ? merge.rename[String(param.name)] : undefined;
    if (!to) continue;
    param["x-altegio-documented-name"] = param.name;
    param.name = to;
  }
  return merge.to;
}

function pageOperation(
  row: OperationRow,
  page: PageModel,
  input: EmitInput,
  bodies: PendingBody[],
  report: EmitReport,
): Schema {
  const resolve = enumResolver(page);
  const op: Schema = {
    operationId: row.slug,
    tags: [row.tag],
    summary: row.title,
    description:
      page.description !== "" ? page.description : (input.index.operations.get(row.slug)?.description ?? ""),
    "x-altegio-docs": "page",
  };
  if (DEPRECATED.test(row.title)) op.deprecated = true;
  const seed = input.seeded.get(row.slug);
  if (seed) op["x-altegio-source"] = seed;
  // POST /auth has no Security line: it takes the partner token alone (choice recorded in the overlay).
  op.security = [{ [page.security ?? "BearerPartner"]: [] }];
  const parameters = pageParameters(page, resolve);
  if (parameters.length > 0) op.parameters = parameters;
  if (page.request) op.requestBody = requestBody(row.slug, page.request, resolve, bodies, report);
  op.responses = pageResponses(row.slug, page, resolve, bodies, report);
  return op;
}

function pageParameters(page: PageModel, resolve: EnumResolver): Schema[] {
  const out: Schema[] = [];
  const seen = new Set<string>();
  const declared = new Set(page.parameters.path.map((p) => p.name));
  for (const name of templateParameters(page.path)) {
    if (!declared.has(name)) page.parameters.path.push(inferredPathField(name));
  }
  for (const location of ["path", "query"] as const) {
    for (const field of page.parameters[location]) {
      if (TRANSPORT_HEADERS.has(field.name.toLowerCase())) continue;
      if (seen.has(`${location}:${field.name}`)) continue;
      seen.add(`${location}:${field.name}`);
      out.push(parameter(field, location, resolve));
    }
  }
  for (const field of page.parameters.header) {
    if (!TRANSPORT_HEADERS.has(field.name.toLowerCase())) out.push(parameter(field, "header", resolve));
  }
  return out;
}

function parameter(field: PageField, location: string, resolve: EnumResolver): Schema {
  const { description, example, ...schema } = fieldSchema(field, resolve);
  const param: Schema = { name: field.name, in: location };
  if (description !== undefined) param.description = description;
  if (location === "path" || field.required) param.required = true;
  if (location === "path" && !field.required) param["x-altegio-required"] = false;
  param.schema = schema;
  if (example !== undefined) param.example = example;
  return param;
}

function inferredPathField(name: string): PageField {
  return {
    name,
    types: [/(^|_)id$/.test(name) ? "number" : "string"],
    required: true,
    description: "Path parameter of the documented path; the page does not describe it.",
    children: [],
    variants: [],
  };
}

export function templateParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? "");
}

function bodySchema(body: PageBody, resolve: EnumResolver, report: EmitReport, slug: string): Schema {
  const only = body.fields[0];
  // create_payment_with_loyalty_methods documents the whole body as one `body` field "— one of:".
  if (body.fields.length === 1 && only?.name === "body" && only.variants.length > 0) {
    const schema = variantsSchema(only, resolve);
    if (only.description !== "") schema.description = only.description;
    return schema;
  }
  const { schema, duplicates } = objectSchema(body.fields, resolve);
  report.duplicates.push(...duplicates.map((d) => `${slug}: ${d}`));
  return schema;
}

function requestBody(
  slug: string,
  body: PageBody,
  resolve: EnumResolver,
  bodies: PendingBody[],
  report: EmitReport,
): Schema {
  const schema = bodySchema(body, resolve, report, slug);
  const media = body.mediaType === "multipart/form-data" ? "multipart/form-data" : "application/json";
  const target: Schema = {};
  bodies.push({ slug, status: "request", schema, targets: [target], shareable: false });
  const out: Schema = { content: { [media]: { schema: target } } };
  if (body.mediaType === "*/*") out["x-altegio-media-type"] = "*/*";
  if (flattenFields(body.fields).some((f) => f.required && !f.name.includes("."))) out.required = true;
  return out;
}

function pageResponses(
  slug: string,
  page: PageModel,
  resolve: EnumResolver,
  bodies: PendingBody[],
  report: EmitReport,
): Schema {
  const out: Record<string, Schema> = {};
  for (const response of [...page.responses].sort((a, b) => a.status.localeCompare(b.status))) {
    const entry: Schema = { description: REASONS[response.status] ?? `Status ${response.status}` };
    out[response.status] = entry;
    if (response.fields.length === 0) {
      // Bare "## Response NNN fields" heading: the status exists, its body is undocumented.
      entry["x-altegio-body"] = "undocumented";
      if (response.status !== "204")
        entry.content = bothMediaTypes(
          schemaRef(Number(response.status) >= 400 ? "ErrorEnvelope" : "Envelope"),
        );
      continue;
    }
    const target: Schema = {};
    bodies.push({
      slug,
      status: response.status,
      schema: bodySchema(response, resolve, report, slug),
      targets: [target],
      shareable: Number(response.status) >= 400,
    });
    entry.content = bothMediaTypes(target);
  }
  return out;
}

function bothMediaTypes(schema: Schema): Schema {
  return Object.fromEntries(MEDIA_TYPES.map((m) => [m, { schema }]));
}

function indexOnlyOperation(row: OperationRow, index: IndexModel): Schema {
  const op: Schema = {
    operationId: row.slug,
    tags: [row.tag],
    summary: row.title,
    description: index.operations.get(row.slug)?.description ?? "",
    "x-altegio-docs": "index-only",
    security: [{ BearerPartnerUser: [] }],
  };
  if (DEPRECATED.test(row.title)) op.deprecated = true;
  const params = templateParameters(row.path).map((name) => {
    const { description, ...schema } = fieldSchema(inferredPathField(name), () => undefined);
    return { name, in: "path", required: true, description: "Path parameter (no vendor page).", schema };
  });
  if (params.length > 0) op.parameters = params;
  if (["post", "put", "patch"].includes(row.method)) {
    op.requestBody = { content: { "application/json": { schema: schemaRef("GenericRequest") } } };
  }
  op.responses = {
    "200": { description: "OK", content: bothMediaTypes(schemaRef("Envelope")) },
    "401": { description: "Unauthorized", content: bothMediaTypes(schemaRef("ErrorEnvelope")) },
    "403": { description: "Forbidden", content: bothMediaTypes(schemaRef("ErrorEnvelope")) },
    "404": { description: "Not Found", content: bothMediaTypes(schemaRef("ErrorEnvelope")) },
  };
  return op;
}

/**
 * Names body schemas `<slug>_<status>` (`<slug>_request` for requests). Error bodies that are
 * identical on several pages share one component, `Error<status>` for the most common one of a status.
 */
function nameBodies(bodies: PendingBody[], schemas: Record<string, Schema>, report: EmitReport): void {
  const groups = new Map<string, PendingBody[]>();
  for (const body of bodies) {
    const key = body.shareable
      ? `${body.status}:${JSON.stringify(body.schema)}`
      : `${body.slug}:${body.status}`;
    const group = groups.get(key) ?? [];
    group.push(body);
    groups.set(key, group);
  }
  const shared = [...groups.entries()]
    .filter(([, g]) => g.length > 1)
    .sort(([ka, a], [kb, b]) => b.length - a.length || ka.localeCompare(kb));
  const perStatus = new Map<string, number>();
  const named = new Map<string, string>();
  for (const [key, group] of shared) {
    const status = group[0]?.status ?? "";
    const n = (perStatus.get(status) ?? 0) + 1;
    perStatus.set(status, n);
    named.set(key, n === 1 ? `Error${status}` : `Error${status}_${n}`);
  }
  for (const [key, group] of groups) {
    const first = group[0];
    if (!first) continue;
    const name = named.get(key) ?? `${first.slug}_${first.status}`;
    schemas[name] = first.schema;
    const envelope = envelopeOf(first.status, first.schema);
    if (envelope) report.envelopes.set(name, envelope);
    for (const body of group) for (const target of body.targets) Object.assign(target, schemaRef(name));
  }
}

/**
 * The shared envelope (ODDITIES "Error / response envelopes") whose top-level fields a body has:
 * `{errors, meta}` → ErrorsEnvelope, `{success, data, meta}` → Envelope or, for 4xx, ErrorEnvelope.
 */
function envelopeOf(status: string, schema: Schema): string | undefined {
  const keys = Object.keys((schema.properties ?? {}) as Schema);
  if (status === "request" || keys.length === 0 || schema.anyOf) return undefined;
  const within = (allowed: string[]): boolean => keys.every((k) => allowed.includes(k));
  if (within(["errors", "meta"]) && keys.includes("errors")) return "ErrorsEnvelope";
  // A page typing `meta` (any) is not narrowed to the envelope's object-or-array.
  const meta = (schema.properties as Schema).meta as Schema | undefined;
  if (meta && meta.type === undefined && meta.anyOf === undefined) return undefined;
  if (within(["success", "data", "meta"]) && keys.includes("meta")) {
    return Number(status) >= 400 ? "ErrorEnvelope" : "Envelope";
  }
  return undefined;
}

/**
 * Declares each such body as its envelope `allOf` the page's own, more precise, schema. Runs after
 * the corrections overlay, whose targets address the page schemas directly.
 */
export function wrapEnvelopes(doc: Doc | Record<string, unknown>, envelopes: Map<string, string>): void {
  const schemas = (doc.components as { schemas: Record<string, Schema> }).schemas;
  for (const [name, envelope] of [...envelopes].sort(([a], [b]) => a.localeCompare(b))) {
    const schema = schemas[name];
    if (schema) schemas[name] = { allOf: [schemaRef(envelope), schema] };
  }
}

function enumResolver(page: PageModel): EnumResolver {
  const all: PageField[] = [
    ...page.parameters.path,
    ...page.parameters.query,
    ...(page.request ? flattenFields(page.request.fields) : []),
    ...page.responses.flatMap((r) => flattenFields(r.fields)),
  ];
  const withVariants = all.flatMap((f) => [f, ...f.variants.flatMap((v) => flattenFields(v.fields))]);
  return (name) =>
    withVariants.find(
      (f) =>
        f.enumRaw !== undefined &&
        !f.enumRaw.startsWith("same as") &&
        (f.name === name || f.name.endsWith(`.${name}`)),
    )?.enumRaw;
}

function sortPaths(paths: Record<string, Record<string, Schema>>): Record<string, Record<string, Schema>> {
  const out: Record<string, Record<string, Schema>> = {};
  for (const path of Object.keys(paths).sort()) {
    const item = paths[path] ?? {};
    out[path] = Object.fromEntries(METHOD_ORDER.filter((m) => item[m]).map((m) => [m, item[m] as Schema]));
  }
  return out;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k] as T]),
  );
}
