/**
 * A real node:http server on 127.0.0.1 that answers like the API: every GET (and read-only
 * POST) of the spec answers 200 with a full canary sample of its documented success body
 * (./sample.ts), except where a planted drift changes it. It checks the tokens and the location
 * like the API does (401, 403) and records every request it receives.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { isObject, type Json, type JsonObject } from "../../../src/verify/json.js";
import type { SpecOperation } from "../../../src/verify/operations.js";
import { atPath, type Sample, sampleFor } from "./sample.js";

export type PlantKind =
  | "type-changed"
  | "field-removed"
  | "field-added"
  | "object-to-array"
  | "envelope-missing"
  /** Not a drift of shape: an HTML page on 200, as a captive portal sends. */
  | "not-json";

export interface Plant {
  op: string;
  kind: PlantKind;
  /** The field changed (for field-added: the object that gets the new field). */
  path: string;
}

export const ADDED_FIELD = "planted_extra";

export interface DriftServer {
  baseUrl: string;
  requests: { method: string; url: string; authorization: string }[];
  samples: Map<string, Sample>;
  close(): Promise<void>;
}

export async function startDriftServer(opts: {
  doc: JsonObject;
  ops: readonly SpecOperation[];
  plants?: readonly Plant[];
  location: string;
  partnerToken: string;
  userToken: string;
}): Promise<DriftServer> {
  const samples = new Map<string, Sample>();
  opts.ops.forEach((op, i) => {
    if (op.success?.schema) samples.set(op.key, sampleFor(opts.doc, op.success.schema, i + 1));
  });
  // Literal segments before parameters: `/services/links` is not `/services/{service_id}`.
  const params = (p: string) => (p.match(/\{/g) ?? []).length;
  const routes = opts.ops
    .map((op) => ({ op, re: templateRegExp(op.path) }))
    .sort((a, b) => params(a.op.path) - params(b.op.path));
  const requests: DriftServer["requests"] = [];

  const server = createServer((req, res) => {
    req.resume();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const authorization = String(req.headers.authorization ?? "");
    requests.push({ method: req.method ?? "", url: req.url ?? "", authorization });
    const send = (status: number, body: Json) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const fail = (status: number, message: string) =>
      send(status, { success: false, data: null, meta: { message } });
    const path = url.pathname.startsWith("/api/v1/api/v1/") ? url.pathname.slice(7) : url.pathname;
    const candidates = [path, path.replace(/^\/api\/v1(?=\/)/, "")];
    const method = (req.method ?? "").toLowerCase();
    const route = routes.find((r) => r.op.method === method && candidates.some((c) => r.re.test(c)));
    if (!route) return fail(404, "no such route");
    if (!authorization.includes(`Bearer ${opts.partnerToken}`)) return fail(401, "bad partner token");
    if (route.op.needsUser && !authorization.includes(`User ${opts.userToken}`))
      return fail(401, "bad user token");
    const match = candidates.map((c) => route.re.exec(c)).find((m) => m);
    const loc = match?.groups?.location_id;
    if (loc !== undefined && loc !== opts.location) return fail(403, "no access to this location");
    const sample = samples.get(route.op.key);
    if (!sample) return fail(500, "no sample");
    if (opts.plants?.some((p) => p.op === route.op.key && p.kind === "not-json")) {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end("<html><body>cnry-portal-page</body></html>");
    }
    let body = structuredClone(sample.body) as Json;
    for (const plant of opts.plants ?? []) if (plant.op === route.op.key) body = applyPlant(body, plant);
    send(200, body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    requests,
    samples,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function applyPlant(body: Json, plant: Plant): Json {
  if (plant.kind === "envelope-missing") return isObject(body) ? (body.data ?? null) : body;
  const hits = atPath(body, plant.path, (parent, key) => {
    if (plant.kind === "type-changed") parent[key] = `planted-${String(parent[key])}`;
    else if (plant.kind === "field-removed") delete parent[key];
    else if (plant.kind === "object-to-array") parent[key] = [];
    else if (plant.kind === "field-added") {
      const target = parent[key];
      if (isObject(target)) target[ADDED_FIELD] = "cnry-added-value";
    }
  });
  if (hits === 0) throw new Error(`plant ${plant.kind} at ${plant.path}: no such field in the sample`);
  return body;
}

/** `/company/{location_id}/x` → a RegExp with a named group per parameter. */
function templateRegExp(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) =>
      part.startsWith("{")
        ? `(?<${part.slice(1, -1).replace(/\W/g, "_")}>[^/]+)`
        : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${source}$`);
}
