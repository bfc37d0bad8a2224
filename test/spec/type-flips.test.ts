// No loosening: in the evidence bodies that validate, each leaf flipped to another JSON type
// (scripts/lib/evidence/type-flips.ts) must be refused by openapi.yaml at least 80% of the time.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../contract-tests/support/spec.js";
import { readEvidence } from "../../scripts/lib/evidence/files.js";
import { flipped, leaves, measureTypeFlips } from "../../scripts/lib/evidence/type-flips.js";
import { ROOT } from "./support/openapi.js";

describe("type flips of the evidence", () => {
  it("change every leaf's JSON type", () => {
    expect(leaves({ a: [1, { b: "x" }], c: null, d: true })).toEqual([["a", 0], ["a", 1, "b"], ["c"], ["d"]]);
    for (const v of [0, 1.5, "", "x", true, false, null]) {
      const f = flipped(v);
      expect(typeof f === typeof v && (f === null) === (v === null), JSON.stringify(v)).toBe(false);
    }
  });

  it("are refused by openapi.yaml at least 80% of the time", () => {
    const report = measureTypeFlips(loadSpec(join(ROOT, "openapi.yaml")), readEvidence(ROOT));
    const share = report.refused / report.flips;
    console.log(
      `type flips refused: ${report.refused} / ${report.flips} (${(100 * share).toFixed(1)}%) over ${report.bodies} bodies`,
    );
    expect(report.bodies).toBeGreaterThanOrEqual(15);
    expect(share).toBeGreaterThanOrEqual(0.8);
  });
});
