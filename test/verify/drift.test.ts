/**
 * The verifier against a local server that answers like the API (./support/drift-server.ts):
 * first clean (every field documented, every value a canary), then with drifts planted from a
 * list. Every plant must be reported at its path and nothing else; no canary and no token may
 * appear in the report, the summary or the progress lines; no method but GET (and POST for
 * read-only searches, when asked) may reach the server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/verify/cli.js";
import { DISCOVERY_RULES, LOCATION_PROBE } from "../../src/verify/discovery-rules.js";
import { collectOperations, type SpecOperation } from "../../src/verify/operations.js";
import type { OperationResult, VerifyReport } from "../../src/verify/report.js";
import { loadSpecDocument } from "../../src/verify/spec-document.js";
import { type VerifyOptions, verify } from "../../src/verify/verify.js";
import {
  ADDED_FIELD,
  type DriftServer,
  type Plant,
  type PlantKind,
  startDriftServer,
} from "./support/drift-server.js";
import type { Sample } from "./support/sample.js";

// Long enough that no duration or count in a report can contain it by chance.
const LOCATION = "918273645";
const PARTNER = "pt-secret-partner-9f8e7d";
const USER = "ut-secret-user-1a2b3c";
const spec = loadSpecDocument();
const ops = collectOperations(spec.doc);

const run = (server: DriftServer, extra: Partial<VerifyOptions> = {}) =>
  verify({
    location: LOCATION,
    partnerToken: PARTNER,
    userToken: USER,
    baseUrl: server.baseUrl,
    rateLimit: false,
    ...extra,
  });

const byOp = (report: VerifyReport) => new Map(report.operations.map((r) => [r.operation, r]));
const providers = new Set([LOCATION_PROBE, ...DISCOVERY_RULES.map((r) => r.from)]);

/**
 * One operation per kind, chosen from the spec as it is today: a GET with no path parameter
 * but the location (so discovery is unaffected), not a discovery source, with a field that fits.
 */
function choosePlants(samples: Map<string, Sample>): Plant[] {
  const used = new Set<string>();
  const candidates = ops.filter(
    (op) =>
      op.method === "get" &&
      !providers.has(op.key) &&
      op.parameters.filter((p) => p.in === "path").every((p) => p.name === "location_id"),
  );
  const pick = (kind: PlantKind, fits: (s: Sample, op: SpecOperation) => string | undefined): Plant => {
    for (const op of candidates) {
      const sample = samples.get(op.key);
      if (used.has(op.key) || !sample) continue;
      const path = fits(sample, op);
      if (path !== undefined) {
        used.add(op.key);
        return { op: op.key, kind, path };
      }
    }
    throw new Error(`no operation in the spec fits a ${kind} plant`);
  };
  const under = (p: string) => p.startsWith("data.") || p.startsWith("data[].");
  return [
    pick("type-changed", (s) => s.fields.find((f) => under(f.path) && f.type === "number" && !f.loose)?.path),
    pick("field-removed", (s) => s.fields.find((f) => under(f.path) && f.type === "string")?.path),
    pick(
      "field-added",
      (s) => s.fields.find((f) => f.path === "data" && f.type === "object" && f.parentClosed)?.path,
    ),
    pick(
      "object-to-array",
      (s) => s.fields.find((f) => under(f.path) && f.type === "object" && !f.loose)?.path,
    ),
    pick("envelope-missing", (s) => {
      const data = s.fields.find((f) => f.path === "data");
      return data?.type === "object" && s.fields.some((f) => f.path.startsWith("data."))
        ? "(root)"
        : undefined;
    }),
  ];
}

function expectedFor(
  plant: Plant,
): Pick<OperationResult, "mismatches" | "undocumented"> & { removed?: string } {
  switch (plant.kind) {
    case "type-changed":
      return {
        mismatches: [
          {
            path: plant.path,
            problem: "type",
            expected: expect.stringMatching(/^(number|integer)$/) as unknown as string,
            seen: "string",
          },
        ],
      };
    case "field-removed":
      return { removed: plant.path };
    case "field-added":
      return { undocumented: [{ path: `${plant.path}.${ADDED_FIELD}`, type: "string" }] };
    case "object-to-array":
      return { mismatches: [{ path: plant.path, problem: "type", expected: "object", seen: "array" }] };
    case "envelope-missing":
      return { mismatches: [{ path: "(root)", problem: "envelope-missing" }] };
    case "not-json":
      throw new Error("not a shape drift: see cli.test.ts");
  }
}

describe("verify against a local drift server", () => {
  let clean: DriftServer;
  let baseline: VerifyReport;

  beforeAll(async () => {
    clean = await startDriftServer({
      doc: spec.doc,
      ops,
      location: LOCATION,
      partnerToken: PARTNER,
      userToken: USER,
    });
    baseline = await run(clean, { includeSearch: true });
  }, 120_000);
  afterAll(() => clean?.close());

  it("reports a faithful server as ok everywhere: no mismatch, no undocumented field", () => {
    const checked = baseline.operations.filter((r) => r.status !== "not-checked");
    expect(checked.length).toBeGreaterThan(100);
    const notOk = checked.filter((r) => r.status !== "ok");
    expect(
      notOk.map((r) => `${r.operation}: ${r.status} ${JSON.stringify(r.mismatches ?? r.error)}`),
    ).toEqual([]);
    expect(checked.filter((r) => r.undocumented).map((r) => r.operation)).toEqual([]);
    expect(baseline.totals.drift).toBe(0);
  });

  it("reports every planted drift at its path, and nothing else", async () => {
    const plants = choosePlants(clean.samples);
    const server = await startDriftServer({
      doc: spec.doc,
      ops,
      plants,
      location: LOCATION,
      partnerToken: PARTNER,
      userToken: USER,
    });
    try {
      const report = await run(server, { includeSearch: true });
      const got = byOp(report);
      const before = byOp(baseline);
      const planted = new Set(plants.map((p) => p.op));
      for (const plant of plants) {
        const r = got.get(plant.op);
        const b = before.get(plant.op);
        const want = expectedFor(plant);
        expect(r?.mismatches, `${plant.kind} on ${plant.op}`).toEqual(want.mismatches);
        expect(r?.undocumented, `${plant.kind} on ${plant.op}`).toEqual(want.undocumented);
        const newlyUnseen = (r?.neverSeen ?? []).filter((p) => !(b?.neverSeen ?? []).includes(p));
        // A changed type hides the value's inside, an envelope missing the envelope: not new absences.
        if (plant.kind === "field-removed") expect(newlyUnseen).toEqual([want.removed]);
        else if (plant.kind === "field-added") expect(newlyUnseen).toEqual([]);
        expect(r?.status).toBe(
          plant.kind === "field-added" || plant.kind === "field-removed" ? "ok" : "drift",
        );
      }
      // Everything not planted reads exactly as on the clean server.
      for (const [key, r] of got) {
        if (planted.has(key)) continue;
        const { durationMs: _a, ...now } = r;
        const { durationMs: _b, ...was } = before.get(key) ?? ({} as OperationResult);
        expect(now, key).toEqual(was);
      }
      expect(report.totals.drift).toBe(
        plants.filter((p) => !["field-added", "field-removed"].includes(p.kind)).length,
      );
      console.log(
        `verify drift server: ${report.totals.ok + report.totals.drift + report.totals.error} operations checked, ` +
          `${plants.length} drifts planted (${plants.map((p) => p.kind).join(", ")}), ` +
          `${plants.length} found at their paths, 0 false`,
      );
    } finally {
      await server.close();
    }
  }, 120_000);

  it("never reports a value the server sent, nor a token, in the report, the summary or the progress", async () => {
    const plants = choosePlants(clean.samples);
    const server = await startDriftServer({
      doc: spec.doc,
      ops,
      plants,
      location: LOCATION,
      partnerToken: PARTNER,
      userToken: USER,
    });
    const out: string[] = [];
    const err: string[] = [];
    const file = `.cache/verify-canary-${process.pid}.json`;
    try {
      const code = await main(
        ["verify", "--location", LOCATION, "--base-url", server.baseUrl, "--out", file, "--include-search"],
        {
          env: { ALTEGIO_PARTNER_TOKEN: PARTNER, ALTEGIO_USER_TOKEN: USER },
          stdout: { write: (s: string) => out.push(s) },
          stderr: { write: (s: string) => err.push(s) },
          overrides: { rateLimit: false },
        },
      );
      expect(code).toBe(1);
      const { readFileSync, rmSync } = await import("node:fs");
      const written = readFileSync(file, "utf8");
      rmSync(file, { force: true });
      const everything = [written, out.join(""), err.join("")].join("\n");
      const strings = [...clean.samples.values()].flatMap((s) => s.canaries.strings);
      const numbers = [...clean.samples.values()].flatMap((s) => s.canaries.numbers);
      expect(strings.length).toBeGreaterThan(1000);
      const leakedStrings = strings.filter((s) => everything.includes(s));
      const leakedNumbers = numbers.filter((n) => everything.includes(String(n)));
      expect(leakedStrings).toEqual([]);
      expect(leakedNumbers).toEqual([]);
      for (const secret of [PARTNER, USER, "cnry-added-value", "2031-07-19", LOCATION]) {
        expect(everything.includes(secret), secret).toBe(false);
      }
    } finally {
      await server.close();
    }
  }, 120_000);

  it("sends nothing but GET, and POST only to read-only searches with --include-search", async () => {
    const readOnlyPosts = new Set(
      ops.filter((o) => o.method === "post" && o.readOnly === true).map((o) => o.path),
    );
    const methods = new Set(clean.requests.map((r) => r.method));
    expect([...methods].every((m) => m === "GET" || m === "POST")).toBe(true);
    const posts = clean.requests.filter((r) => r.method === "POST");
    // Each search the spec marks read-only was called once (the baseline ran with --include-search).
    expect(readOnlyPosts.size).toBeGreaterThan(0);
    expect(posts).toHaveLength(readOnlyPosts.size);
    for (const p of posts) {
      const path = new URL(p.url, "http://x").pathname.replace(/^\/api\/v1/, "");
      expect(
        [...readOnlyPosts].some((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path)),
        path,
      ).toBe(true);
    }
    const before = clean.requests.length;
    await run(clean);
    expect(clean.requests.slice(before).every((r) => r.method === "GET")).toBe(true);
  }, 120_000);
});
