// Operations integrations call in production that the blueprint documents (issue 18): every call
// of spec/evidence/calls.tsv made by ≥ 2 integrations that the YCLIENTS blueprint documents is an
// operation of openapi.yaml, marked with its sources; prints the calls known / total. And the
// sources report (spec/reference/sources.tsv) has a row for every operation and corrected node.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBlueprint } from "../../scripts/lib/blueprint/blueprint.js";
import { callsKnown, readCallGroups, routesOf } from "../../scripts/lib/evidence/calls.js";
import { findOperation } from "../../scripts/lib/evidence/match.js";
import { MIN_INTEGRATIONS } from "../../scripts/lib/spec/evidence-operations.js";
import { deref, type Json, loadSpec, operations, ROOT } from "./support/openapi.js";

const spec = loadSpec();
const groups = readCallGroups(ROOT);
const byId = new Map(operations(spec).map((e) => [String(e.operation.operationId), e]));

describe("calls integrations make (spec/evidence/calls.tsv)", () => {
  it("prints the method + path calls the spec knows / all, guesses left out", () => {
    const { known, total } = callsKnown(spec, groups);
    console.log(`calls.tsv method + path known: ${known} / ${total}`);
    expect(total).toBe(386);
    expect(known).toBeGreaterThanOrEqual(249);
  });

  it("every call of ≥ 2 integrations that the blueprint documents is an operation", async () => {
    const blueprint = await readBlueprint(ROOT);
    const actions = blueprint.actions.map((a) => ({
      method: a.method.toLowerCase(),
      path: a.path.replace(/\/+$/, ""),
    }));
    const routes = routesOf(spec);
    const missing = groups
      .filter((g) => g.repos.length >= MIN_INTEGRATIONS)
      .filter((g) => !findOperation(routes, g.method, g.path) && findOperation(actions, g.method, g.path))
      .map((g) => g.key);
    expect(missing).toEqual([]);
  });

  it("marks each added operation with its sources, the integrations and the blueprint's security", () => {
    const added = operations(spec).filter((e) => (e.operation.tags as string[])[0] === "online-booking");
    expect(added.length).toBe(15);
    for (const { operation } of added) {
      expect(operation["x-altegio-docs"]).toEqual(["evidence", "yclients-blueprint"]);
      expect(String(operation["x-altegio-evidence"])).toMatch(
        /^spec\/evidence\/calls\.tsv: .* called by \d+ integrations/,
      );
      expect((operation["x-altegio-blueprint"] as Json).line).toBeGreaterThan(0);
    }
    // The blueprint's Authorization examples: the booking form is public (partner token), the
    // client's own bookings need the client's user token; book_code's example, mis-indented, says partner.
    expect(byId.get("get_bookable_services")?.operation.security).toEqual([{ BearerPartner: [] }]);
    expect(byId.get("send_booking_sms_code")?.operation.security).toEqual([{ BearerPartner: [] }]);
    expect(byId.get("get_client_booking")?.operation.security).toEqual([{ BearerPartnerUser: [] }]);
    // Altegio's names for the blueprint's legacy path parameters.
    expect(byId.get("get_bookable_times")?.path).toBe("/book_times/{location_id}/{team_member_id}/{date}");
  });

  it("types a success the blueprint gives no JSON for from the recorded body, inside the envelope", () => {
    const schemas = (spec.components as Json).schemas as Json;
    const services = schemas.get_bookable_services_200 as Json;
    expect(services["x-altegio-evidence"]).toMatch(/altegio-034\.json/);
    expect(Object.keys(services.properties as Json)).toEqual(
      expect.arrayContaining(["success", "data", "meta"]),
    );
    // POST /user/auth: the blueprint's attributes (user_token, required) are data's.
    const auth = schemas.authorize_client_by_sms_code_201 as Json;
    // data is a site of the User entity (issue 10): `allOf: [User, {required: [user_token]}]`.
    const site = (auth.properties as Json).data as Json;
    const parts = (site.allOf as Json[] | undefined) ?? [site];
    expect(parts.flatMap((p) => (p.required as string[] | undefined) ?? [])).toEqual(["user_token"]);
    const fields = parts.flatMap((p) => Object.keys((deref(spec, p).properties ?? {}) as Json));
    expect(fields).toContain("user_token");
    expect(fields).not.toContain("0");
  });
});

describe("spec/reference/sources.tsv", () => {
  const rows = readFileSync(join(ROOT, "spec/reference/sources.tsv"), "utf8")
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((l) => l.split("\t"));
  it("has one row per operation, with the operation's sources", () => {
    const ops = rows.filter((r) => r[0] === "operation");
    // The partner's own endpoint (fiscalize_document) is a callback, not a path of the API.
    const inPaths = operations(spec).filter((e) => e.via !== "callback");
    expect(ops.length).toBe(inPaths.length);
    for (const { operation } of inPaths) {
      const row = ops.find((r) => r[1]?.endsWith(` ${String(operation.operationId)}`));
      expect(row?.[2], String(operation.operationId)).toBe(
        (operation["x-altegio-docs"] as string[]).join(", "),
      );
    }
  });

  it("has one row per corrected node, naming its evidence", () => {
    const text = readFileSync(join(ROOT, "openapi.yaml"), "utf8");
    const marked = text.match(/x-altegio-correction:/g)?.length ?? 0;
    const corrections = rows.filter((r) => r[0] === "correction");
    expect(corrections.length).toBe(marked);
    for (const r of corrections) expect(r[3]).toMatch(/^[a-z,-]+: (evidence|page)/);
  });
});
