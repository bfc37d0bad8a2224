// Shared shapes of the vendor pages (see ODDITIES.md "Error / response envelopes"), used by operations
// that have no page (index-only) and by bare `## Response NNN fields` headings with no schema.
import type { Schema } from "./schema-builder.js";

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

export const SHARED_SCHEMAS: Record<string, Schema> = {
  // `meta` is "empty object or empty array" on 404s and `[]` on many 200s.
  Meta: {
    description: "Additional response data: an object, or an (often empty) array.",
    anyOf: [{ type: "object" }, { type: "array", items: {} }],
  },
  Envelope: {
    type: "object",
    description: "The generic `{success, data, meta}` response envelope of the v1 API.",
    properties: {
      success: { type: "boolean", description: "Response status." },
      data: { description: "Response data (object, array or null).", "x-altegio-type": "any" },
      meta: ref("Meta"),
    },
  },
  ErrorEnvelope: {
    type: "object",
    description:
      "Error shape (a): `success`, `data` (object,null) and `meta.message`; 422 adds `meta.errors`.",
    properties: {
      success: { type: "boolean", description: "Response status.", example: false },
      // Mostly (object,null); some pages type it string ("Is null") or any, so no type here.
      data: { description: "Response data (usually null on errors).", "x-altegio-type": "any" },
      meta: {
        description: "Additional response data (an object, or an empty array on some 404s).",
        anyOf: [
          {
            type: "object",
            properties: {
              message: { type: "string", description: "Error message.", example: "Access denied." },
              errors: {
                description: "Validation errors: an array, or an object keyed by field (clients search 400).",
                anyOf: [{ type: "array", items: {} }, { type: "object" }],
              },
            },
          },
          { type: "array", items: {} },
        ],
      },
    },
  },
  ErrorsEnvelope: {
    type: "object",
    description:
      "Error shape (b), locations get/update/delete only: `errors.{code,message}` plus `meta.message`.",
    properties: {
      errors: {
        type: "object",
        description: "Additional response data.",
        properties: {
          code: { type: "number", description: "Error number.", example: 404 },
          message: { type: "string", description: "Error message.", example: "Not found" },
        },
      },
      meta: {
        type: "object",
        description: "Additional response data.",
        properties: { message: { type: "string", description: "Error message.", example: "Not found" } },
      },
    },
  },
  GenericRequest: {
    type: "object",
    description: "Request body of an operation with no vendor page: fields unknown.",
    additionalProperties: true,
  },
};

export const SECURITY_SCHEMES: Record<string, Schema> = {
  // As INDEX.md "## Security" declares them.
  bearer: { type: "apiKey", in: "header", name: "Authorization" },
  user: { type: "apiKey", in: "header", name: "Authorization" },
  BearerPartner: { type: "http", scheme: "bearer", bearerFormat: "Bearer {PartnerToken}" },
  BearerPartnerUser: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "Bearer {PartnerToken}, User {UserToken}",
  },
};

export const schemaRef = ref;
