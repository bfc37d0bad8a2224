import type { BlueprintAction, BlueprintMessage, BlueprintParameter } from "./actions.js";
import { scrubSchema, scrubValue } from "./cyrillic.js";
import { schemaFromExample } from "./example-schema.js";
import { dropInvalidExamples } from "./examples.js";
import { parseLenientJson } from "./lenient-json.js";
import { type NamedTypes, schemaFromDataStructure } from "./mson-schema.js";
import type { Schema } from "./schema.js";
import { splitHref } from "./uri-template.js";

export const ALTEGIO_MEDIA_TYPE = "application/vnd.api.v2+json";

export type OperationObject = Record<string, unknown>;

interface ParameterObject {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: Schema;
}

export interface BuiltOperation {
  operation: OperationObject;
  /** New components/schemas entries, named `<slug>_request` and `<slug>_<status>`. */
  schemas: Record<string, Schema>;
  /** Examples removed because they contradict the blueprint's own structure. */
  droppedExamples: number;
}

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No content",
  400: "Bad request",
  401: "Authentication needed",
  402: "Payment required",
  403: "Access denied",
  404: "Not found",
  409: "Conflict",
  422: "Validation error",
};

/**
 * The blueprint-derived replacement for an index-only operation. operationId, tags and summary
 * stay as the converter built them; parameters take the Altegio path's names; structure and
 * examples come from the blueprint action; no blueprint prose is carried over.
 */
export function blueprintOperation(
  indexOnly: OperationObject,
  altegioPath: string,
  action: BlueprintAction,
  types: NamedTypes,
): BuiltOperation {
  const slug = String(indexOnly.operationId);
  const schemas: Record<string, Schema> = {};
  let droppedExamples = 0;
  const register = (name: string, schema: Schema): { $ref: string } => {
    const checked = dropInvalidExamples(scrubSchema(schema));
    droppedExamples += checked.dropped;
    schemas[name] = { ...checked.schema, "x-altegio-docs": "yclients-blueprint" };
    return { $ref: `#/components/schemas/${name}` };
  };

  const operation: OperationObject = {};
  for (const key of ["operationId", "tags", "summary"])
    if (indexOnly[key] !== undefined) operation[key] = indexOnly[key];
  operation.description = operationDescription(indexOnly.description, action);
  operation.parameters = parameters(indexOnly, altegioPath, action);
  const requestSchema = messageSchema(action.request, types);
  if (requestSchema === undefined) {
    // No body in the blueprint: whatever the converter declared stays (a DELETE declares none).
    if (indexOnly.requestBody !== undefined) operation.requestBody = indexOnly.requestBody;
  } else {
    operation.requestBody = {
      // The blueprint documents a body for this action, so the action expects one.
      required: true,
      content: { "application/json": { schema: register(`${slug}_request`, requestSchema) } },
    };
  }
  operation.responses = responses(indexOnly, action, types, (status, schema) =>
    register(`${slug}_${status}`, schema),
  );
  operation.security = [{ [isPartnerOnly(action) ? "BearerPartner" : "BearerPartnerUser"]: [] }];
  operation["x-altegio-docs"] = "yclients-blueprint";
  operation["x-altegio-blueprint"] = { path: action.path, method: action.method, line: action.line };
  return { operation, schemas, droppedExamples };
}

function operationDescription(indexSummary: unknown, action: BlueprintAction): string {
  const source =
    `Altegio publishes no page for this operation: parameters, request and responses follow the ` +
    `YCLIENTS v1 API Blueprint (${action.method} ${action.path}, line ${action.line}).`;
  return typeof indexSummary === "string" && indexSummary.trim() !== ""
    ? `${indexSummary.trim()}\n\n${source}`
    : source;
}

function parameters(
  indexOnly: OperationObject,
  altegioPath: string,
  action: BlueprintAction,
): ParameterObject[] {
  const altegioNames = splitHref(altegioPath).pathVariables;
  if (altegioNames.length !== action.pathParameters.length) {
    throw new Error(
      `${String(indexOnly.operationId)}: ${altegioPath} has ${altegioNames.length} path parameters, ` +
        `blueprint ${action.path} has ${action.pathParameters.length}`,
    );
  }
  // Path parameters pair by position: the blueprint's company_id is Altegio's location_id.
  // The converter's placeholder descriptions ("no vendor page") are not kept.
  const path = altegioNames.map((name, index): ParameterObject => {
    const source = action.pathParameters[index] as BlueprintParameter;
    const parameter: ParameterObject = { name, in: "path", required: true, schema: parameterSchema(source) };
    if (source.name !== name) parameter.description = `Called \`${source.name}\` in the YCLIENTS blueprint.`;
    return parameter;
  });
  const query = action.queryParameters
    .filter((p) => !altegioNames.includes(p.name))
    .map(
      (p): ParameterObject => ({
        name: p.name,
        in: "query",
        required: p.required,
        schema: parameterSchema(p),
      }),
    );
  return [...path, ...query];
}

function parameterSchema(parameter: BlueprintParameter): Schema {
  const schema: Schema =
    parameter.type === "array"
      ? { type: "array", items: { type: scalar(parameter.itemType) } }
      : { type: scalar(parameter.type) };
  if (parameter.enum !== undefined) schema.enum = parameter.enum;
  if (parameter.default !== undefined) schema.default = parameter.default;
  if (parameter.example !== undefined)
    schema.example = parameter.type === "array" ? [parameter.example] : parameter.example;
  return dropInvalidExamples(scrubSchema(schema)).schema;
}

function scalar(type: BlueprintParameter["type"] | undefined): "string" | "number" | "integer" | "boolean" {
  return type === "number" || type === "integer" || type === "boolean" ? type : "string";
}

/** Schema and example of a JSON message: MSON when declared, else inferred from the body. */
function messageSchema(message: BlueprintMessage | undefined, types: NamedTypes): Schema | undefined {
  if (message === undefined || !isJson(message.mediaType)) return undefined;
  const example = parseLenientJson(message.body);
  if (message.dataStructure !== undefined) {
    const schema = schemaFromDataStructure(message.dataStructure, types);
    return example === undefined ? schema : { ...schema, example: scrubValue(example) };
  }
  if (example === undefined) return undefined;
  return { ...schemaFromExample(example), example: scrubValue(example) };
}

function responses(
  indexOnly: OperationObject,
  action: BlueprintAction,
  types: NamedTypes,
  register: (status: number, schema: Schema) => { $ref: string },
): Record<string, unknown> {
  const converted = (indexOnly.responses ?? {}) as Record<string, unknown>;
  if (action.responses.length === 0) return converted;
  const result: Record<string, unknown> = {};
  for (const response of action.responses) {
    const description = STATUS_TEXT[response.status] ?? `Status ${response.status}`;
    const schema = messageSchema(response, types);
    if (schema !== undefined) {
      const ref = register(response.status, schema);
      result[String(response.status)] = {
        description,
        content: { "application/json": { schema: ref }, [ALTEGIO_MEDIA_TYPE]: { schema: ref } },
      };
    } else if (response.mediaType !== undefined && !isJson(response.mediaType)) {
      // A file download (the visit receipt PDF): the body is the document itself.
      result[String(response.status)] = {
        description,
        content: { [response.mediaType]: { schema: { type: "string", format: "binary" } } },
      };
    } else {
      result[String(response.status)] = { description };
    }
  }
  // The converter's error responses (401/403/404 envelopes) still hold where the blueprint is
  // silent; its generic success response does not, once the blueprint documents one.
  for (const [status, response] of Object.entries(converted)) {
    if (!(status in result) && !status.startsWith("2")) result[status] = response;
  }
  return result;
}

// Only an Authorization example without a user token makes an action partner-only.
function isPartnerOnly(action: BlueprintAction): boolean {
  const authorization = action.authorization;
  return authorization !== undefined && /bearer/i.test(authorization) && !/user/i.test(authorization);
}

function isJson(mediaType: string | undefined): boolean {
  return mediaType === undefined || /json/i.test(mediaType);
}
