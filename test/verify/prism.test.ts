/**
 * The verifier against Prism serving openapi.yaml (scripts/lib/prism.ts), a server that answers
 * exactly as the spec says:
 * - static mode (the spec's examples): every operation checked is ok, zero drift, zero errors;
 * - dynamic mode (`-d --seed`: generated values, optional and extra properties): Prism's
 *   generator sometimes breaks the spec itself (random `success: false`; one side of an allOf
 *   that contradicts the other), so there the claim is that the verifier's verdict on every
 *   answer is the contract suite's own validator's verdict on the same bytes: no drift reported
 *   that the contract suite would not report, none missed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../contract-tests/support/spec.js";
import { validatorFor } from "../../contract-tests/support/validator.js";
import { type PrismHandle, startPrism } from "../../scripts/lib/prism.js";
import type { FetchLike } from "../../src/fetch/fetch-like.js";
import type { OperationResult, VerifyReport } from "../../src/verify/report.js";
import { verify } from "../../src/verify/verify.js";

interface Seen {
  result: OperationResult;
  status: number;
  contentType: string | null;
  body: string;
}

async function runAgainst(prism: PrismHandle): Promise<{ report: VerifyReport; seen: Seen[] }> {
  let last: Omit<Seen, "result"> | undefined;
  const seen: Seen[] = [];
  const recording: FetchLike = async (request, init) => {
    const res = await fetch(request, init);
    last = {
      status: res.status,
      contentType: res.headers.get("content-type"),
      body: await res.clone().text(),
    };
    return res;
  };
  const report = await verify({
    location: "918273645",
    partnerToken: "prism-partner",
    userToken: "prism-user",
    baseUrl: prism.baseUrl,
    rateLimit: false,
    fetch: recording,
    includeSearch: true,
    specFile: prism.specFile,
    onProgress(e) {
      if (e.type === "result" && e.result.status !== "not-checked" && last) {
        seen.push({ result: e.result, ...last });
        last = undefined;
      }
    },
  });
  return { report, seen };
}

const checkedOf = (r: VerifyReport) => r.operations.filter((o) => o.status !== "not-checked");

describe("verify against Prism, static mode (the spec's own examples)", () => {
  let prism: PrismHandle;
  beforeAll(async () => {
    prism = await startPrism({});
  }, 120_000);
  afterAll(() => prism?.stop());

  it("every operation checked is ok: zero drift, zero errors", async () => {
    const { report } = await runAgainst(prism);
    const checked = checkedOf(report);
    expect(checked.length).toBeGreaterThan(100);
    expect(
      checked
        .filter((o) => o.status !== "ok")
        .map((o) => `${o.operation}: ${o.status} ${JSON.stringify(o.mismatches ?? o.error)}`),
    ).toEqual([]);
    expect(report.totals.drift).toBe(0);
    console.log(
      `verify Prism static: ${checked.length} operations checked, ${report.totals.ok} ok, 0 drift; ` +
        `${report.totals["not-checked"]} not checked; ${report.requests} requests`,
    );
  }, 180_000);
});

describe("verify against Prism, dynamic mode", () => {
  let prism: PrismHandle;
  beforeAll(async () => {
    prism = await startPrism({ dynamic: true, seed: 20261201 });
  }, 120_000);
  afterAll(() => prism?.stop());

  it("says drift exactly where the contract suite's validator refuses the same answer", async () => {
    const { report, seen } = await runAgainst(prism);
    const spec = loadSpec(prism.specFile);
    const contract = validatorFor(spec);
    const disagreements: string[] = [];
    let agreedOk = 0;
    let agreedDrift = 0;
    for (const s of seen) {
      if (s.result.status === "error") continue;
      const [method, path] = s.result.operation.split(" ");
      const op = spec.operations.find((o) => o.method === method?.toLowerCase() && o.path === path);
      if (!op) throw new Error(`${s.result.operation} missing from the contract spec`);
      const refused = contract.checkResponse(op, s.status, s.contentType, s.body).length > 0;
      if (refused !== (s.result.status === "drift"))
        disagreements.push(
          `${s.result.operation}: verify ${s.result.status}, contract ${refused ? "refuses" : "accepts"}`,
        );
      else if (refused) agreedDrift++;
      else agreedOk++;
    }
    expect(disagreements).toEqual([]);
    expect(agreedOk).toBeGreaterThan(20);
    // Errors only where Prism's generated body says `success: false` or Prism refused a value
    // that an earlier generated answer supplied (a random id of the wrong shape).
    const errors = checkedOf(report).filter((o) => o.status === "error");
    expect(errors.filter((o) => o.error !== "the body says success: false" && o.httpStatus !== 422)).toEqual(
      [],
    );
    console.log(
      `verify Prism dynamic: ${seen.length} answers; verify and the contract validator agree on all: ` +
        `${agreedOk} ok, ${agreedDrift} drift (Prism-generated bodies the spec refuses); ${errors.length} errors (success: false / 422)`,
    );
  }, 180_000);
});
