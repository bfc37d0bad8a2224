// Auth and media type at the wire, on the full openapi.yaml:
// - Prism answers 200 to the vendor Accept header and the client really sends it;
// - a request without Authorization is refused per the spec's security (raw fetch: the client
//   always adds the header);
// - Prism checks only the scheme, so a local server captures the exact header the client sends;
// - tokens never appear in a thrown error.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type PrismHandle, startPrism } from "../scripts/lib/prism.js";
import { AltegioApiError } from "../src/index.js";
import { contractClient } from "./support/client.js";
import { type LocalServer, localServer } from "./support/local-server.js";
import { buildRequest, fillPath, queryString } from "./support/request.js";
import { loadSpec, type Operation, specPath } from "./support/spec.js";
import type { Target } from "./support/targets.js";
import { validatorFor } from "./support/validator.js";
import type { Exchange } from "./support/wire.js";

const spec = loadSpec();
const v = validatorFor(spec);
const P = "partner-3f9a";
const U = "user-77c1";
const firstWith = (scheme: string): Operation => {
  const op = spec.operations.find(
    (o) => o.method === "get" && o.security.includes(scheme) && o.responses.some((r) => r.status === "200"),
  );
  if (!op) throw new Error(`openapi.yaml has no GET operation with ${scheme} and a 200`);
  return op;
};
const partnerOp = firstWith("BearerPartner");
const userOp = firstWith("BearerPartnerUser");
const target = (baseUrl: string): Target => ({
  kind: "prism",
  baseUrl,
  checksViolations: true,
  partnerToken: P,
  userToken: U,
  statusHeaders: (s) => ({ Prefer: `code=${s}` }),
});
const urlOf = (op: Operation): string => {
  const req = buildRequest(spec, v, op);
  return fillPath(op.path, req.path) + queryString(req.query);
};

let prism: PrismHandle;
beforeAll(async () => {
  prism = await startPrism({ spec: specPath() });
}, 120_000);
afterAll(async () => {
  await prism?.stop();
});

describe("Accept: the vendor media type", () => {
  test("Prism answers 200 to Accept: application/vnd.api.v2+json", async () => {
    expect(spec.mediaType).toBe("application/vnd.api.v2+json");
    const res = await fetch(`${prism.baseUrl}${urlOf(userOp)}`, {
      headers: { Accept: spec.mediaType ?? "", Authorization: `Bearer ${P}, User ${U}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/vnd.api.v2+json");
    expect(res.headers.get("sl-violations")).toBeNull();
  });

  test("the client sends it, and gets the 200", async () => {
    const log: Exchange[] = [];
    const client = contractClient(target(prism.baseUrl), log);
    const req = buildRequest(spec, v, userOp);
    const { response } = await client.GET(userOp.path, { params: { path: req.path, query: req.query } });
    expect(response.status).toBe(200);
    expect(log[0]?.requestHeaders.get("accept")).toBe(spec.mediaType);
  });
});

describe("missing Authorization is refused per the spec's security", () => {
  for (const op of [partnerOp, userOp]) {
    test(`${op.id} (${op.security.join(", ")}) without Authorization → 401`, async () => {
      const res = await fetch(`${prism.baseUrl}${urlOf(op)}`, { headers: { Accept: spec.mediaType ?? "" } });
      expect(res.status).toBe(401);
      expect(res.headers.get("sl-violations") ?? "").toMatch(/security/i);
    });
  }
});

describe("the exact Authorization header at the wire", () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await localServer(() => ({
      status: 200,
      headers: { "content-type": "application/vnd.api.v2+json" },
      body: JSON.stringify({ success: true, data: [], meta: [] }),
    }));
  });
  afterAll(() => server?.close());

  test(`BearerPartnerUser (${userOp.id}): "Bearer <partner>, User <user>"`, async () => {
    const client = contractClient(target(server.baseUrl), []);
    const req = buildRequest(spec, v, userOp);
    await client.GET(userOp.path, { params: { path: req.path, query: req.query } });
    const seen = server.seen.at(-1);
    expect(seen?.headers.authorization).toBe(`Bearer ${P}, User ${U}`);
    expect(seen?.headers.accept).toBe(spec.mediaType);
  });

  test(`BearerPartner (${partnerOp.id}): "Bearer <partner>" only`, async () => {
    const client = contractClient(target(server.baseUrl), []);
    const req = buildRequest(spec, v, partnerOp);
    await client.GET(partnerOp.path, { params: { path: req.path, query: req.query } });
    expect(server.seen.at(-1)?.headers.authorization).toBe(`Bearer ${P}`);
  });
});

describe("errors carry the vendor message, never the tokens", () => {
  test("Prefer: code=401 → AltegioApiError with meta.message; tokens absent", async () => {
    const client = contractClient(target(prism.baseUrl), []);
    const req = buildRequest(spec, v, userOp);
    const err = await client
      .GET(userOp.path, { params: { path: req.path, query: req.query }, headers: { Prefer: "code=401" } })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(AltegioApiError);
    const e = err as AltegioApiError;
    expect(e.status).toBe(401);
    expect(e.vendorMessage).toMatch(/Authentication needed/);
    const dump = `${e.message} ${e.stack ?? ""} ${JSON.stringify(e)} ${JSON.stringify(e.headers)}`;
    expect(dump).not.toContain(P);
    expect(dump).not.toContain(U);
  });
});
