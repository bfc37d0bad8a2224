// Holds one recorded body against its operation and status in openapi.yaml, with the contract
// suite's own validator (contract-tests/support: the 3.0 → JSON Schema conversion and ajv setup).
// `data_only` bodies are the envelope's `data`; `data_item` bodies are one item of it.
import type { Json, JsonObject, Operation, Spec } from "../../../contract-tests/support/spec.js";
import { deref } from "../../../contract-tests/support/spec.js";
import { validatorFor } from "../../../contract-tests/support/validator.js";
import { isRecord } from "../../../src/internal/is-record.js";
import type { Evidence } from "./files.js";
import { WEBHOOK } from "./files.js";
import { findOperation } from "./match.js";

export interface EvidenceResult {
  file: string;
  /** The operation it was held against, undefined when none could be (see `reason`). */
  operationId?: string;
  status?: string;
  /** ajv's messages; [] = the body validates. */
  errors: string[];
  /** Why the body could not be checked at all. */
  reason?: string;
}

/** The media type the client reads (the vendor's v2 type), else the first one declared. */
export function responseSchema(op: Operation, status: string, mediaType?: string): JsonObject | undefined {
  const declared = op.responses.find((r) => r.status === status);
  if (!declared) return undefined;
  const content = declared.content;
  const media = (mediaType && content[mediaType]) || content["application/json"] || Object.values(content)[0];
  return media?.schema;
}

/** The documented status a recording belongs to: its own, else the operation's first 2xx. */
export function statusFor(op: Operation, evidence: Pick<Evidence, "status">): string | undefined {
  if (evidence.status !== null) return String(evidence.status);
  return op.responses.find((r) => /^2\d\d$/.test(r.status))?.status;
}

/**
 * The schema of the envelope's `data` inside a body schema: every `properties.data` reachable
 * through `$ref` and `allOf` must hold; alternatives (`anyOf`/`oneOf`) stay alternatives.
 */
export function dataSchema(doc: JsonObject, schema: Json | undefined): JsonObject | undefined {
  const parts = dataParts(doc, schema, 0);
  return parts.length === 0 ? undefined : { allOf: parts };
}

function dataParts(doc: JsonObject, schema: Json | undefined, depth: number): JsonObject[] {
  const node = deref(doc, schema);
  if (!isRecord<Json>(node) || depth > 20) return [];
  const out: JsonObject[] = [];
  const data = isRecord<Json>(node.properties) ? node.properties.data : undefined;
  if (isRecord<Json>(data)) out.push(data);
  for (const part of Array.isArray(node.allOf) ? node.allOf : [])
    out.push(...dataParts(doc, part, depth + 1));
  for (const key of ["anyOf", "oneOf"] as const) {
    const branches = Array.isArray(node[key]) ? (node[key] as Json[]) : [];
    const alts = branches.map((b) => dataParts(doc, b, depth + 1)).filter((p) => p.length > 0);
    if (alts.length > 0) out.push({ anyOf: alts.map((p) => ({ allOf: p })) });
  }
  return out;
}

/** The schema a recording's body is held against, and the value to hold (an item is wrapped in [ ]). */
export function target(
  spec: Spec,
  evidence: Evidence,
):
  | { op: Operation; status: string; schema: JsonObject; value: unknown }
  | { reason: string; op?: Operation } {
  if (evidence.method === WEBHOOK) return { reason: "webhook delivery, not an API response (issue 15)" };
  const op = findOperation(spec.operations, evidence.method, evidence.path);
  if (!op) return { reason: `no operation ${evidence.method} ${evidence.path} in openapi.yaml` };
  const status = statusFor(op, evidence);
  const body = status ? responseSchema(op, status, spec.mediaType) : undefined;
  if (!status || !body) return { op, reason: `${op.id} documents no status ${evidence.status ?? "2xx"}` };
  if (!evidence.data_only && !evidence.data_item) return { op, status, schema: body, value: evidence.body };
  const data = dataSchema(spec.doc, body);
  if (!data) return { op, reason: `${op.id} ${status} has no envelope \`data\`` };
  return { op, status, schema: data, value: evidence.data_item ? [evidence.body] : evidence.body };
}

export function checkEvidence(spec: Spec, evidence: Evidence): EvidenceResult {
  const t = target(spec, evidence);
  if ("reason" in t) {
    const result: EvidenceResult = { file: evidence.file, errors: [], reason: t.reason };
    if (t.op) result.operationId = t.op.id;
    return result;
  }
  return {
    file: evidence.file,
    operationId: t.op.id,
    status: t.status,
    errors: validatorFor(spec).check(t.schema, t.value),
  };
}
