/**
 * openapi.yaml as the contract runner sees it: one list of operations, each with its
 * parameters, request body and documented responses, `$ref`s resolved on access.
 *
 * The document is converted once (see ./oas30.ts) so that every schema in it is plain JSON
 * Schema that ajv can validate; `$ref`s stay in place (pointing at `openapi#/...`) so circular
 * schemas cost nothing and ajv resolves them against the registered document.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { repoRoot } from "../../scripts/lib/prism.js";
import { pruneCache } from "../../scripts/lib/prune-cache.js";
import { isRecord } from "../../src/internal/is-record.js";
import { sha256 } from "../../src/internal/sha256.js";
import { DOC_ID, toJsonSchemaDoc } from "./oas30.js";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };
export type Method = "get" | "put" | "post" | "delete" | "patch" | "head" | "options" | "trace";
export const METHODS: readonly Method[] = [
  "get",
  "put",
  "post",
  "delete",
  "patch",
  "head",
  "options",
  "trace",
];

export interface MediaObject {
  schema?: JsonObject;
  example?: Json;
  examples?: Record<string, { value?: Json; $ref?: string }>;
}
export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonObject;
  example?: Json;
  examples?: Record<string, { value?: Json }>;
  style?: string;
  explode?: boolean;
}
export interface ResponseCase {
  status: string;
  description: string;
  /** `x-altegio-when`: the condition under which the API gives this answer (POST /auth's 2FA 200). */
  when?: string;
  content: Record<string, MediaObject>;
}
export interface Operation {
  id: string;
  tag: string;
  method: Method;
  path: string;
  summary: string;
  /** Names of the security schemes of the first requirement ([] = public). */
  security: string[];
  parameters: Parameter[];
  requestBody?: { required: boolean; content: Record<string, MediaObject> };
  responses: ResponseCase[];
}
export interface Spec {
  file: string;
  /** sha256 of the spec file's text. */
  sha256: string;
  /** The document as written (OpenAPI 3.0). */
  raw: JsonObject;
  /** The document with every schema converted to JSON Schema (./oas30.ts). */
  doc: JsonObject;
  operations: Operation[];
  /** Root `x-altegio-media-type`: the Accept value the client sends. */
  mediaType: string | undefined;
}

/** Follow `$ref` chains ("#/..." or "openapi#/...") inside the document. */
export function deref<T>(doc: JsonObject, node: T): T {
  let cur: unknown = node;
  for (let hops = 0; isRecord(cur) && typeof cur.$ref === "string" && hops < 50; hops++) {
    cur = pointer(doc, cur.$ref);
  }
  return cur as T;
}

export function pointer(doc: JsonObject, ref: string): Json | undefined {
  const hash = ref.indexOf("#");
  const frag = hash >= 0 ? ref.slice(hash + 1) : ref;
  let cur: Json | undefined = doc;
  for (const raw of frag.split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    cur = isRecord(cur) ? cur[key] : Array.isArray(cur) ? cur[Number(key)] : undefined;
  }
  return cur;
}

const cache = new Map<string, Spec>();

export function specPath(): string {
  return resolve(repoRoot, process.env.ALTEGIO_CONTRACT_SPEC ?? "openapi.yaml");
}

export function loadSpec(file = specPath()): Spec {
  const hit = cache.get(file);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`contract tests: cannot read ${file} (${(e as Error).message}); nothing to test against`);
  }
  const digest = sha256(text);
  const { raw, doc } = parsed(text, digest);
  const spec: Spec = {
    file,
    sha256: digest,
    raw,
    doc,
    operations: collectOperations(doc),
    mediaType: typeof doc["x-altegio-media-type"] === "string" ? doc["x-altegio-media-type"] : undefined,
  };
  cache.set(file, spec);
  return spec;
}

/**
 * Parsing 1.7 MB of YAML and converting it costs ~3 s per test file on a busy 2-core box, and
 * each of the 27 tag files runs in its own worker: cache both forms as JSON, keyed by sha256.
 */
function parsed(text: string, sha256: string): { raw: JsonObject; doc: JsonObject } {
  const dir = resolve(repoRoot, ".cache/contract-spec");
  const file = resolve(dir, `${sha256}.json`);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as { raw: JsonObject; doc: JsonObject };
  } catch {
    const raw = parse(text) as JsonObject;
    const out = { raw, doc: toJsonSchemaDoc(raw) };
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(out));
      renameSync(tmp, file); // atomic: a parallel reader never sees half a file
      pruneCache(dir, (name) => name.startsWith(sha256.slice(0, 16)));
    } catch {
      // a read-only checkout just pays the parse again
    }
    return out;
  }
}

function collectOperations(doc: JsonObject): Operation[] {
  const ops: Operation[] = [];
  const paths = isRecord(doc.paths) ? doc.paths : {};
  const rootSecurity = Array.isArray(doc.security) ? doc.security : [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(doc, rawItem);
    if (!isRecord(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const own = Array.isArray(op.parameters) ? op.parameters : [];
      // Operation-level parameters override path-level ones with the same name+in.
      const byKey = new Map<string, Parameter>();
      for (const p of [...shared, ...own]) {
        const param = deref(doc, p) as unknown as Parameter;
        byKey.set(`${param.in}:${param.name}`, param);
      }
      const security = Array.isArray(op.security) ? op.security : rootSecurity;
      const firstReq = security.find(isRecord);
      const rb = op.requestBody ? deref(doc, op.requestBody) : undefined;
      const responses = isRecord(op.responses) ? op.responses : {};
      ops.push({
        id: typeof op.operationId === "string" ? op.operationId : `${method} ${path}`,
        tag: Array.isArray(op.tags) && typeof op.tags[0] === "string" ? op.tags[0] : "(untagged)",
        method,
        path,
        summary: typeof op.summary === "string" ? op.summary : "",
        security: firstReq ? Object.keys(firstReq) : [],
        parameters: [...byKey.values()],
        ...(isRecord(rb)
          ? {
              requestBody: {
                required: rb.required === true,
                content: (isRecord(rb.content) ? rb.content : {}) as unknown as Record<string, MediaObject>,
              },
            }
          : {}),
        responses: Object.entries(responses).map(([status, r]) => {
          const res = deref(doc, r);
          const content = isRecord(res) && isRecord(res.content) ? res.content : {};
          const mediaContent: Record<string, MediaObject> = {};
          for (const [mt, m] of Object.entries(content))
            mediaContent[mt] = deref(doc, m) as unknown as MediaObject;
          return {
            status,
            description: isRecord(res) && typeof res.description === "string" ? res.description : "",
            ...(isRecord(res) && typeof res["x-altegio-when"] === "string"
              ? { when: res["x-altegio-when"] }
              : {}),
            content: mediaContent,
          };
        }),
      });
    }
  }
  return ops;
}

export { DOC_ID };
