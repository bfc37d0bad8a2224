import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterQuery, resolveAudience } from "../../../src/campaigns/audience.js";
import { CampaignInputError } from "../../../src/campaigns/errors.js";

function refusal(audience: unknown): CampaignInputError {
  try {
    resolveAudience(audience);
  } catch (e) {
    expect(e).toBeInstanceOf(CampaignInputError);
    return e as CampaignInputError;
  }
  throw new Error("expected resolveAudience to refuse");
}

describe("resolveAudience: the empty-filter guard", () => {
  it.each([
    ["empty filter", { filter: {} }],
    ["blank values", { filter: { fullname: "", phone: "   ", email: "\t\n" } }],
    ["undefined values", { filter: { fullname: undefined } }],
  ])("refuses an %s, saying it would reach the entire database", (_, audience) => {
    const e = refusal(audience);
    expect(e.field).toBe("audience.filter");
    expect(e.message).toMatch(/ENTIRE client database/);
    expect(e.message).toMatch(/allClients: true/);
  });

  it("refuses any all-blank filter (property)", () => {
    const blank = fc.constantFrom("", " ", "  ", "\t", "\n", "\u00a0", "\u2003");
    fc.assert(
      fc.property(
        fc.record({ fullname: blank, phone: blank, email: blank, card: blank }, { requiredKeys: [] }),
        (filter) => {
          expect(() => resolveAudience({ filter })).toThrow(CampaignInputError);
        },
      ),
    );
  });

  it("refuses a missing audience and an audience with no known key", () => {
    expect(refusal(undefined).field).toBe("audience");
    expect(refusal({}).field).toBe("audience");
    expect(refusal({ filters: { fullname: "Joh" } }).field).toBe("audience.filters");
  });

  it("refuses unknown filter keys instead of silently dropping them (a typo would widen the audience)", () => {
    const e = refusal({ filter: { name: "Joh" } });
    expect(e.field).toBe("audience.filter.name");
    expect(e.message).toMatch(/fullname, phone, email, card/);
  });

  it("refuses non-string filter values", () => {
    expect(refusal({ filter: { phone: 1315 } }).field).toBe("audience.filter.phone");
  });

  it("accepts allClients: true alone or with an empty filter, but not with a real one", () => {
    expect(resolveAudience({ allClients: true })).toEqual({ kind: "allClients" });
    expect(resolveAudience({ allClients: true, filter: {} })).toEqual({ kind: "allClients" });
    expect(refusal({ allClients: true, filter: { fullname: "Joh" } }).field).toBe("audience");
    expect(refusal({ allClients: "yes" }).field).toBe("audience.allClients");
    expect(refusal({ allClients: false }).field).toBe("audience.allClients");
  });

  it("keeps the non-blank filters as given", () => {
    expect(resolveAudience({ filter: { fullname: "Joh", phone: " ", card: "5663rt" } })).toEqual({
      kind: "filter",
      filter: { fullname: "Joh", card: "5663rt" },
    });
  });
});

describe("resolveAudience: client ids", () => {
  it("deduplicates, keeping the first occurrence and the order", () => {
    expect(resolveAudience({ clientIds: [3, 1, 3, 2, 1] })).toEqual({
      kind: "clientIds",
      clientIds: [3, 1, 2],
      duplicatesRemoved: 2,
    });
  });

  it("refuses an empty list and names a bad id by index", () => {
    expect(refusal({ clientIds: [] }).field).toBe("audience.clientIds");
    expect(refusal({ clientIds: [1, 2, 0] }).field).toBe("audience.clientIds[2]");
    expect(refusal({ clientIds: [1, "2"] }).field).toBe("audience.clientIds[1]");
    expect(refusal({ clientIds: [1.5] }).field).toBe("audience.clientIds[0]");
    expect(refusal({ clientIds: "1,2" }).field).toBe("audience.clientIds");
  });

  it("refuses clientIds combined with a filter or allClients", () => {
    expect(refusal({ clientIds: [1], filter: { fullname: "J" } }).message).toMatch(/clientIds alone/);
    expect(refusal({ clientIds: [1], allClients: true }).message).toMatch(/clientIds alone/);
  });
});

describe("filterQuery: how filter values go on the wire", () => {
  it("sends plain substrings by default (no literal quotes)", () => {
    expect(filterQuery({ fullname: "Joh", phone: "1315", email: "test@", card: "5663rt" })).toEqual({
      fullname: "Joh",
      phone: "1315",
      email: "test@",
      card: "5663rt",
    });
  });

  it("wraps values in single quotes, as the vendor examples show, when asked", () => {
    expect(filterQuery({ fullname: "Joh", email: "test@" }, "quoted")).toEqual({
      fullname: "'Joh'",
      email: "'test@'",
    });
  });
});
