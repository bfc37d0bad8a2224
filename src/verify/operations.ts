/**
 * The operations the verifier may call, read from the spec: every GET, and every POST the spec
 * marks `x-altegio-read-only: true` (a search that sends its filters in a body). A GET marked
 * `x-altegio-read-only: false` changes state despite its method and is never called.
 */
import { isObject, type JsonObject } from "./json.js";
import { deref } from "./spec-document.js";

export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: JsonObject;
}

export interface SpecOperation {
  /** `"GET /services/{location_id}"`: the key reports use. */
  key: string;
  operationId: string;
  tag: string;
  method: "get" | "post";
  path: string;
  /** The user token is needed (security BearerPartnerUser). */
  needsUser: boolean;
  parameters: SpecParameter[];
  requestBody?: { required: boolean; schema: JsonObject };
  /** The documented success status and the schema of its JSON body (none: not JSON). */
  success?: { status: string; schema: JsonObject | undefined };
  /** `x-altegio-read-only` as the spec says it (undefined when the spec is silent). */
  readOnly: boolean | undefined;
}

export function collectOperations(doc: JsonObject): SpecOperation[] {
  const mediaType = typeof doc["x-altegio-media-type"] === "string" ? doc["x-altegio-media-type"] : "";
  const ops: SpecOperation[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(doc, rawItem);
    if (!isObject(item)) continue;
    for (const method of ["get", "post"] as const) {
      const op = item[method];
      if (!isObject(op)) continue;
      const byKey = new Map<string, SpecParameter>();
      for (const p of [...asArray(item.parameters), ...asArray(op.parameters)]) {
        const param = deref(doc, p);
        if (!isObject(param) || typeof param.name !== "string" || typeof param.in !== "string") continue;
        byKey.set(`${param.in}:${param.name}`, {
          name: param.name,
          in: param.in as SpecParameter["in"],
          required: param.required === true,
          schema: asSchema(deref(doc, param.schema)),
        });
      }
      const security = Array.isArray(op.security) ? op.security : asArray(doc.security);
      const first = security.find(isObject);
      const body = deref(doc, op.requestBody);
      const bodySchema = isObject(body) ? jsonSchemaOf(doc, body.content, mediaType) : undefined;
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        operationId: typeof op.operationId === "string" ? op.operationId : `${method} ${path}`,
        tag: Array.isArray(op.tags) && typeof op.tags[0] === "string" ? op.tags[0] : "(untagged)",
        method,
        path,
        needsUser: first !== undefined && "BearerPartnerUser" in first,
        parameters: [...byKey.values()],
        ...(isObject(body) && bodySchema
          ? { requestBody: { required: body.required === true, schema: bodySchema } }
          : {}),
        ...successOf(doc, op.responses, mediaType),
        readOnly: typeof op["x-altegio-read-only"] === "boolean" ? op["x-altegio-read-only"] : undefined,
      });
    }
  }
  return ops;
}

function successOf(doc: JsonObject, responses: unknown, mediaType: string): Pick<SpecOperation, "success"> {
  if (!isObject(responses)) return {};
  const status = Object.keys(responses)
    .filter((s) => /^2\d\d$/.test(s))
    .sort()[0];
  if (status === undefined) return {};
  const res = deref(doc, responses[status]);
  return {
    success: { status, schema: isObject(res) ? jsonSchemaOf(doc, res.content, mediaType) : undefined },
  };
}

/** The schema under the vendor media type, else application/json; undefined when neither is JSON. */
function jsonSchemaOf(doc: JsonObject, content: unknown, mediaType: string): JsonObject | undefined {
  if (!isObject(content)) return undefined;
  const media = deref(doc, content[mediaType] ?? content["application/json"]);
  return isObject(media) && isObject(media.schema) ? media.schema : undefined;
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asSchema = (v: unknown): JsonObject => (isObject(v) ? v : {});
