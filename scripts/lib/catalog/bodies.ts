// Body schemas built from the catalog alone (new operations, and operations whose body only the
// catalog describes): the v1 envelope around `data`, or the bare body when the bundle has none.
import type { CatalogEntry } from "./read.js";
import { type Schema, toOpenApi } from "./schema.js";

export const MEDIA_TYPES = ["application/json", "application/vnd.api.v2+json"] as const;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

export const REASONS: Record<string, string> = {
  "200": "OK",
  "201": "Created",
  "202": "Accepted",
  "204": "No Content",
};

/** The success body the catalog declares; undefined when it declares none. */
export function catalogResponseSchema(entry: CatalogEntry): Schema | undefined {
  const { schema, envelope } = entry.response;
  if (!schema) return undefined;
  const body = toOpenApi(schema);
  if (envelope !== "v1") return body;
  return {
    allOf: [
      ref("Envelope"),
      {
        type: "object",
        properties: {
          success: { type: "boolean", description: "Response status." },
          data: body,
          meta: ref("Meta"),
        },
      },
    ],
  };
}

export function bothMediaTypes(schema: Schema): Schema {
  return Object.fromEntries(MEDIA_TYPES.map((m) => [m, { schema }]));
}

/** A request body declaration for the catalog's content type (`*` / `*` is declared as JSON, as the converter does). */
export function requestContent(contentType: string | undefined, schema: Schema): Schema {
  const media = contentType === "multipart/form-data" ? contentType : "application/json";
  const out: Schema = { content: { [media]: { schema } } };
  if (contentType === "*/*") out["x-altegio-media-type"] = "*/*";
  return out;
}
