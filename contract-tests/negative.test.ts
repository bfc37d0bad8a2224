// The suite must be able to fail: a deliberately wrong request is refused by Prism (422) and the
// runner rejects it; a deliberately wrong response (local server) is flagged by the validator.
// Runs on the small fixture spec, so it does not depend on openapi.yaml.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type PrismHandle, startPrism } from "../scripts/lib/prism.js";
import { casesFor } from "./support/cases.js";
import { type LocalServer, localServer } from "./support/local-server.js";
import { runCase } from "./support/runner.js";
import { loadSpec, type Operation } from "./support/spec.js";
import type { Target } from "./support/targets.js";
import { validatorFor } from "./support/validator.js";

const FIXTURE = "contract-tests/fixtures/mini.yaml";
const spec = loadSpec(new URL("./fixtures/mini.yaml", import.meta.url).pathname);
const op = (id: string): Operation => {
  const found = spec.operations.find((o) => o.id === id);
  if (!found) throw new Error(`fixture has no ${id}`);
  return found;
};
const caseOf = (id: string, status: number) => {
  const c = casesFor(op(id)).find((x) => x.status === status);
  if (!c) throw new Error(`fixture: ${id} has no ${status}`);
  return c;
};
const target = (kind: Target["kind"], baseUrl: string): Target => ({
  kind,
  baseUrl,
  checksViolations: kind === "prism",
  partnerToken: "p-token",
  userToken: "u-token",
  statusHeaders: (s) => ({ Prefer: `code=${s}` }),
});

let prism: PrismHandle;
beforeAll(async () => {
  prism = await startPrism({ spec: FIXTURE });
}, 120_000);
afterAll(async () => {
  await prism?.stop();
});

describe("a wrong request is caught", () => {
  test("control: the valid request passes the runner", async () => {
    const { exchange } = await runCase(spec, target("prism", prism.baseUrl), caseOf("create_widget", 201), {
      Prefer: "code=201",
    });
    expect(exchange.status).toBe(201);
  });

  test("wrong type in the body: Prism answers 422 and the runner fails", async () => {
    const c = caseOf("create_widget", 201);
    const t = target("prism", prism.baseUrl);
    await expect(
      runCase(spec, t, c, { Prefer: "code=201" }, (req) => {
        req.body = { title: 42, price: 9.5 };
      }),
    ).rejects.toThrow(/status/);
    const raw = await fetch(`${prism.baseUrl}/widgets/1`, {
      method: "POST",
      headers: { Authorization: "Bearer p, User u", "content-type": "application/json" },
      body: JSON.stringify({ title: 42, price: 9.5 }),
    });
    expect(raw.status).toBe(422);
    expect(raw.headers.get("sl-violations") ?? "").toMatch(/title must be string/);
  });

  test("missing required field: Prism answers 422 and the runner fails", async () => {
    const c = caseOf("create_widget", 201);
    await expect(
      runCase(spec, target("prism", prism.baseUrl), c, { Prefer: "code=201" }, (req) => {
        req.body = { title: "no price" };
      }),
    ).rejects.toThrow(/status/);
  });

  test("wrong type in a path parameter: 422", async () => {
    const c = caseOf("get_widget_list", 200);
    await expect(
      runCase(spec, target("prism", prism.baseUrl), c, { Prefer: "code=200" }, (req) => {
        req.path.location_id = "not-a-number";
      }),
    ).rejects.toThrow(/status/);
  });
});

describe("a wrong response is caught", () => {
  let bad: LocalServer;
  beforeAll(async () => {
    // id must be an integer and title is required: this body breaks both.
    bad = await localServer(() => ({
      status: 200,
      headers: { "content-type": "application/vnd.api.v2+json" },
      body: JSON.stringify({ success: true, data: [{ id: "1", price: 1 }], meta: { count: 1 } }),
    }));
  });
  afterAll(() => bad?.close());

  test("the validator flags the body", () => {
    const errors = validatorFor(spec).checkResponse(
      op("get_widget_list"),
      200,
      "application/json",
      JSON.stringify({ success: true, data: [{ id: "1", price: 1 }] }),
    );
    expect(errors).toContain("/data/0/id must be integer");
    expect(errors.some((e) => e.includes("title"))).toBe(true);
  });

  test("OpenAPI 3.0 nullable is honoured, and only where declared", () => {
    const v = validatorFor(spec);
    const ok = { success: true, data: [{ id: 1, title: "t", price: 1, note: null }] };
    expect(v.checkResponse(op("get_widget_list"), 200, "application/json", JSON.stringify(ok))).toEqual([]);
    const titleNull = { success: true, data: [{ id: 1, title: null, price: 1 }] };
    expect(
      v.checkResponse(op("get_widget_list"), 200, "application/json", JSON.stringify(titleNull)),
    ).toEqual(["/data/0/title must be string"]);
  });

  test("the runner fails on it, through the client", async () => {
    await expect(
      runCase(spec, target("custom", bad.baseUrl), caseOf("get_widget_list", 200), {}),
    ).rejects.toThrow(/response body vs schema/);
    expect(bad.seen.length).toBeGreaterThan(0);
  });
});
