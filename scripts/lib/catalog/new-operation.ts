// A catalog operation openapi.yaml lacked (the vendor added it after the pages were copied): built
// from the catalog entry alone, with the error responses an operation without a page carries.
import { bothMediaTypes, catalogResponseSchema, REASONS, ref, requestContent } from "./bodies.js";
import { type Doc, tagSlug } from "./operations.js";
import { catalogParameter } from "./parameters.js";
import { type CatalogEntry, catalogScheme } from "./read.js";
import { type Schema, toOpenApi } from "./schema.js";

export function newOperation(doc: Doc, entry: CatalogEntry): Schema {
  const slug = entry.operationId;
  const schemas = doc.components.schemas;
  const op: Schema = {
    operationId: slug,
    tags: [tagSlug(doc, entry.tags?.[0])],
    summary: entry.summary ?? slug,
    description: entry.description ?? "",
    "x-altegio-docs": ["catalog"],
  };
  if (entry.deprecated) op.deprecated = true;
  op.security = [{ [catalogScheme(entry) ?? "BearerPartnerUser"]: [] }];
  const parameters = (entry.parameters ?? []).map(catalogParameter);
  if (parameters.length > 0) op.parameters = parameters;
  if (entry.requestBody?.schema) {
    const name = `${slug}_request`;
    schemas[name] = toOpenApi(entry.requestBody.schema);
    op.requestBody = requestContent(entry.requestBody.contentType, ref(name));
    if (entry.requestBody.required) (op.requestBody as Schema).required = true;
  }
  const status = entry.response.statusCode;
  const success: Schema = { description: REASONS[status] ?? `Status ${status}` };
  const body = catalogResponseSchema(entry);
  if (body) {
    schemas[`${slug}_${status}`] = body;
    success.content = bothMediaTypes(ref(`${slug}_${status}`));
  } else if (status !== "204") success.content = bothMediaTypes(ref("Envelope"));
  op.responses = {
    [status]: success,
    "401": { description: "Unauthorized", content: bothMediaTypes(ref("ErrorEnvelope")) },
    "403": { description: "Forbidden", content: bothMediaTypes(ref("ErrorEnvelope")) },
    "404": { description: "Not Found", content: bothMediaTypes(ref("ErrorEnvelope")) },
  };
  return op;
}
