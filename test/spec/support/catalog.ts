// An independent reading of the vendor catalog (spec/reference/vendor-catalog/catalog.json) for
// the tests: each v1 operation, and each field its schemas keep, held against openapi.yaml.
// It shares no code with scripts/lib/catalog.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { admittedTypes, navigate } from "./locate.js";
import { deref, type Json, type OperationEntry, operations, ROOT, unwrapEnvelope } from "./openapi.js";

export const CATALOG_FILE = join(ROOT, "spec/reference/vendor-catalog/catalog.json");

export interface CatalogParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Json;
}

export interface CatalogOperation {
  source: string;
  operationId: string;
  method: string;
  path: string;
  security?: { required?: boolean; schemes?: string[] };
  parameters?: CatalogParameter[];
  requestBody?: { required?: boolean; contentType?: string; schema?: Json };
  response: { statusCode: string; contentType?: string; envelope?: string; schema?: Json };
}

export function catalogV1(file = CATALOG_FILE): CatalogOperation[] {
  const catalog = JSON.parse(readFileSync(file, "utf8")) as { operations: CatalogOperation[] };
  return catalog.operations.filter((o) => o.source === "v1");
}

/** One field a catalog schema keeps: dotted name below the body (or `data`), and its JSON types. */
export interface CatalogField {
  name: string;
  types: string[];
}

/** JSON types of a catalog schema node (`integer` kept apart from `number`); [] when untyped. */
export function catalogTypes(schema: Json): string[] {
  const type = schema.type;
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.map(String);
  return [];
}

/**
 * Every named field of a catalog schema, depth first: arrays are transparent (as on the vendor
 * pages, `data.records.id` names a property of the items of `records`), so are the branches of
 * anyOf/oneOf/allOf. A truncated node counts as a field (its type is known) but has no children.
 */
export function catalogFields(schema: Json | undefined, prefix = ""): CatalogField[] {
  if (!schema || typeof schema !== "object") return [];
  const out: CatalogField[] = [];
  for (const key of ["anyOf", "oneOf", "allOf"])
    for (const branch of (schema[key] ?? []) as Json[]) out.push(...catalogFields(branch, prefix));
  if (schema.items) out.push(...catalogFields(schema.items as Json, prefix));
  for (const [name, child] of Object.entries((schema.properties ?? {}) as Json)) {
    const full = prefix === "" ? name : `${prefix}.${name}`;
    out.push({ name: full, types: catalogTypes(child as Json) });
    if (!(child as Json)["x-truncated"]) out.push(...catalogFields(child as Json, full));
  }
  const seen = new Set<string>();
  return out.filter((f) => !seen.has(f.name) && seen.add(f.name));
}

/** Does the spec schema admit every type the catalog gives (`integer` fits `number`)? */
export function catalogCompatible(spec: Json, schema: Json, types: string[]): boolean {
  const admitted = admittedTypes(spec, schema);
  if (!admitted) return true;
  return types.every((t) => admitted.has(t) || (t === "integer" && admitted.has("number")));
}

export function specOperations(spec: Json): Map<string, OperationEntry> {
  return new Map(operations(spec).map((e) => [String(e.operation.operationId), e]));
}

export const schemeOf = (operation: Json): string | undefined =>
  Object.keys(((operation.security as Json[] | undefined) ?? [])[0] ?? {})[0];

/** The schema of the first media type of a response or request body, envelope wrapper removed. */
export function contentSchema(spec: Json, body: Json | undefined): Json | undefined {
  const content = (body?.content ?? {}) as Json;
  const first = Object.values(content)[0] as Json | undefined;
  return first?.schema ? deref(spec, first.schema) : undefined;
}

/** Is this body the v1 envelope `{success, data, meta}` (directly, or as allOf with one)? */
export function isEnveloped(spec: Json, schema: Json | undefined): boolean {
  if (!schema) return false;
  const node = deref(spec, schema);
  const parts = [node, ...((node.allOf ?? []) as Json[]).map((p) => deref(spec, p))];
  return parts.some((p) => {
    const props = (p.properties ?? {}) as Json;
    return "success" in props && "data" in props;
  });
}

/** Where the catalog's schema starts in the spec body: `data` of the envelope, or the body itself. */
export function catalogRoot(spec: Json, entry: CatalogOperation, body: Json | undefined): Json | undefined {
  if (!body) return undefined;
  // A bare body the running API answers inside the envelope (scripts/lib/evidence/shapes.ts, the
  // team member schedule): the catalog's fields are those of one item of `data`.
  if (entry.response.envelope !== "v1" && unwrapEnvelope(body)["x-altegio-page-body"] === "data.items")
    return navigate(spec, unwrapEnvelope(body), "data")?.schema.items as Json | undefined;
  if (entry.response.envelope !== "v1") return body;
  const data = navigate(spec, unwrapEnvelope(body), "data");
  return data?.schema;
}

export interface FieldCheck {
  operationId: string;
  section: "request" | "response";
  field: CatalogField;
  found: boolean;
  compatible: boolean;
  /** The located schema (its `x-altegio-choice` / `x-altegio-evidence` say why the type differs). */
  schema?: Json;
}

/** Every field the catalog keeps for each operation, located in the spec with its type checked. */
export function checkFields(spec: Json, catalog: CatalogOperation[]): FieldCheck[] {
  const byId = specOperations(spec);
  const out: FieldCheck[] = [];
  for (const entry of catalog) {
    const op = byId.get(entry.operationId)?.operation;
    const responses = (op?.responses ?? {}) as Json;
    const sections: ["request" | "response", Json | undefined, Json | undefined][] = [
      ["request", entry.requestBody?.schema, op ? contentSchema(spec, op.requestBody as Json) : undefined],
      [
        "response",
        entry.response.schema,
        catalogRoot(spec, entry, contentSchema(spec, responses[entry.response.statusCode] as Json)),
      ],
    ];
    for (const [section, schema, root] of sections) {
      for (const field of catalogFields(schema)) {
        const located = root ? navigate(spec, unwrapEnvelope(root), field.name) : undefined;
        out.push({
          operationId: entry.operationId,
          section,
          field,
          found: located !== undefined,
          compatible: located !== undefined && catalogCompatible(spec, located.schema, field.types),
          ...(located ? { schema: located.schema } : {}),
        });
      }
    }
  }
  return out;
}

/** One row of spec/reference/catalog-disagreements.tsv (written by spec:build). */
export interface RecordedDisagreement {
  kind: string;
  operationId: string;
  where: string;
  catalog: string;
  source: string;
  other: string;
  resolution: string;
  note: string;
}

export const DISAGREEMENTS_FILE = join(ROOT, "spec/reference/catalog-disagreements.tsv");

export function recordedDisagreements(file = DISAGREEMENTS_FILE): RecordedDisagreement[] {
  const [header, ...rows] = readFileSync(file, "utf8").trimEnd().split("\n");
  const names = (header ?? "").split("\t");
  return rows.map(
    (row) =>
      Object.fromEntries(
        names.map((n, k) => [n, row.split("\t")[k] ?? ""]),
      ) as unknown as RecordedDisagreement,
  );
}

/** Is this exact override recorded (the catalog's value in openapi.yaml, a page's value beside it)? */
export function isRecorded(
  list: RecordedDisagreement[],
  d: Pick<RecordedDisagreement, "kind" | "operationId" | "where">,
): boolean {
  return list.some(
    (r) =>
      r.kind === d.kind &&
      r.operationId === d.operationId &&
      r.where === d.where &&
      r.resolution === "catalog",
  );
}
