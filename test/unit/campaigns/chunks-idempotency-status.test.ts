import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunkIds, DEFAULT_CHUNK_SIZE, MAX_CHUNK_SIZE } from "../../../src/campaigns/chunks.js";
import { CampaignInputError, DuplicateSendError } from "../../../src/campaigns/errors.js";
import { IdempotencyRegistry } from "../../../src/campaigns/idempotency.js";
import { isMessageStatusCode, messageStatusName } from "../../../src/campaigns/message-status.js";

describe("chunkIds", () => {
  it("splits in order with a short last chunk", () => {
    expect(chunkIds([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunkIds([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it(`uses ${DEFAULT_CHUNK_SIZE} by default`, () => {
    const ids = Array.from({ length: 250 }, (_, i) => i + 1);
    expect(chunkIds(ids).map((c) => c.length)).toEqual([100, 100, 50]);
  });

  it("refuses sizes outside 1..MAX_CHUNK_SIZE", () => {
    for (const bad of [0, -1, 1.5, MAX_CHUNK_SIZE + 1, Number.NaN]) {
      expect(() => chunkIds([1], bad)).toThrow(CampaignInputError);
    }
  });

  it("concatenating the chunks gives back the list; every chunk is 1..size long (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 500 }), fc.integer({ min: 1, max: 60 }), (ids, size) => {
        const chunks = chunkIds(ids, size);
        expect(chunks.flat()).toEqual(ids);
        expect(chunks.length).toBe(Math.ceil(ids.length / size));
        for (const c of chunks) expect(c.length).toBeGreaterThanOrEqual(1);
        for (const c of chunks) expect(c.length).toBeLessThanOrEqual(size);
      }),
    );
  });
});

describe("IdempotencyRegistry", () => {
  it("lets a key be claimed once", () => {
    const r = new IdempotencyRegistry();
    r.claim("promo-42");
    expect(r.has("promo-42")).toBe(true);
    expect(() => r.claim("promo-42")).toThrow(DuplicateSendError);
    expect(() => r.check("promo-42")).toThrow(/already used/);
    expect(() => r.claim("promo-43")).not.toThrow();
  });

  it("refuses blank keys", () => {
    expect(() => new IdempotencyRegistry().claim(" ")).toThrow(CampaignInputError);
  });
});

describe("message status names", () => {
  it("maps the six documented codes to the vendor's titles", () => {
    expect([1, 2, 4, 8, 16, 52].map(messageStatusName)).toEqual([
      "Delivered",
      "Not delivered",
      "Sent to phone",
      "Transferred to the operator",
      "Rejected by operator",
      "Not enough funds",
    ]);
  });

  it("names undocumented codes without throwing", () => {
    expect(messageStatusName(3)).toBe("Unknown status 3");
    expect(isMessageStatusCode(32)).toBe(false);
    expect(isMessageStatusCode(52)).toBe(true);
  });
});
