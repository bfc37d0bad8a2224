// Statuses and body shapes the running API shows and the pages do not say:
// - an error status the operation does not document, answered with the common error envelope
//   (`{success: false, data: null, meta: {message}}`), is added with that envelope;
// - a documented `data` array answered as one object of the item's shape (creates: POST
//   /records/{id} answers 201 with the new record) becomes that object; the page's word stays in
//   `x-altegio-vendor-type`;
// - a documented bare body answered inside the envelope (`{success, data: [<the body>…], meta}`,
//   the team member schedule) becomes the envelope around an array of it.

import { operationOf } from "./correct.js";
import type { Evidence } from "./files.js";
import { resolveRef } from "./walk.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const MEDIA = ["application/json", "application/vnd.api.v2+json"];
const STATUS_TEXT: Record<string, string> = {
  "400": "Bad Request",
  "403": "Forbidden",
  "404": "Not Found",
  "422": "Unprocessable Entity",
};

const isEnvelope = (b: unknown): b is Obj => isObj(b) && "success" in b && "data" in b;

export function shapeFromEvidence(doc: Obj, e: Evidence): string | undefined {
  const op = operationOf(doc, e);
  if (!op || e.status === null || e.data_only || e.data_item) return undefined;
  const status = String(e.status);
  op.responses ??= {};
  const responses = op.responses as Record<string, Obj>;
  const evidence = `evidence ${e.file}`;
  if (!responses[status]) {
    const b = e.body as Obj;
    if (e.status < 400 || !isEnvelope(b) || b.success !== false || !isObj(b.meta)) return undefined;
    const ref = { $ref: "#/components/schemas/ErrorEnvelope" };
    responses[status] = {
      description: STATUS_TEXT[status] ?? `Status ${status}`,
      content: Object.fromEntries(MEDIA.map((m) => [m, { schema: ref }])),
      "x-altegio-correction": "status",
      "x-altegio-evidence": evidence,
    };
    return `${op.operationId} ${status}: added (error envelope)`;
  }
  const content = (responses[status].content ?? {}) as Record<string, Obj>;
  const schema = resolveRef(doc, (content["application/json"] ?? Object.values(content)[0])?.schema);
  if (!schema || !isEnvelope(e.body)) return undefined;
  const props = schema.properties as Obj | undefined;
  const data = resolveRef(doc, props?.data);
  const body = e.body as Obj;
  if (props && data && data.type === "array" && isObj(data.items) && isObj(body.data)) {
    props.data = {
      ...data.items,
      ...(typeof data.description === "string" ? { description: data.description } : {}),
      ...(Array.isArray(data.example) && data.example.length > 0 ? { example: data.example[0] } : {}),
      "x-altegio-vendor-type": "array",
      ...(data.example !== undefined ? { "x-altegio-vendor-example": data.example } : {}),
      "x-altegio-correction": "shape",
      "x-altegio-evidence": evidence,
    };
    return `${op.operationId} ${status}: data is one object, not an array`;
  }
  if (props && !("success" in props) && !("data" in props) && Array.isArray(body.data)) {
    const item = { ...schema };
    for (const k of Object.keys(schema)) delete schema[k];
    Object.assign(schema, {
      type: "object",
      properties: {
        success: { type: "boolean", description: "Execution success status" },
        data: { type: "array", items: item },
        meta: { $ref: "#/components/schemas/Meta" },
      },
      "x-altegio-page-body": "data.items",
      "x-altegio-correction": "shape",
      "x-altegio-evidence": `${evidence}: the documented body is one item of the envelope's data`,
    });
    return `${op.operationId} ${status}: enveloped array of the documented body`;
  }
  return undefined;
}
