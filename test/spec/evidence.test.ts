// Every response recorded from the live API (spec/evidence/) validates against its operation and
// status in openapi.yaml, with the contract suite's validator, or is listed in
// spec/evidence/unvalidated.tsv with the reason. Prints valid / total.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../contract-tests/support/spec.js";
import { checkEvidence } from "../../scripts/lib/evidence/check.js";
import {
  PROVENANCE_TSV,
  parseEvidence,
  RESPONSES_DIR,
  readEvidence,
  readTsv,
  UNVALIDATED_TSV,
} from "../../scripts/lib/evidence/files.js";
import { sha256 } from "../../src/internal/sha256.js";
import { ROOT } from "./support/openapi.js";

const spec = loadSpec(join(ROOT, "openapi.yaml"));
const evidence = readEvidence(ROOT);
const provenance = readTsv(readFileSync(join(ROOT, PROVENANCE_TSV), "utf8"));
const unvalidated = new Map(
  readTsv(readFileSync(join(ROOT, UNVALIDATED_TSV), "utf8")).map((r) => [r.file ?? "", r.reason ?? ""]),
);

describe("recorded live responses (spec/evidence)", () => {
  it("are all in the provenance table, with their source and sha256", () => {
    const files = readdirSync(join(ROOT, RESPONSES_DIR)).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(38);
    expect(provenance.map((r) => r.file).sort()).toEqual(files.sort());
    for (const row of provenance) {
      const text = readFileSync(join(ROOT, RESPONSES_DIR, row.file ?? ""), "utf8");
      expect(sha256(text), row.file).toBe(row.sha256);
      expect(row.source, row.file).toBe(parseEvidence(row.file ?? "", text).source);
    }
  });

  it("validate against their operation and status, or are listed with a reason", () => {
    const results = evidence.map((e) => checkEvidence(spec, e));
    const valid = results.filter((r) => !r.reason && r.errors.length === 0);
    console.log(`evidence bodies valid: ${valid.length} / ${results.length} (listed: ${unvalidated.size})`);
    const problems: string[] = [];
    for (const r of results) {
      const ok = !r.reason && r.errors.length === 0;
      const listed = unvalidated.get(r.file);
      if (!ok && listed === undefined)
        problems.push(
          `${r.file} (${r.operationId ?? "-"} ${r.status ?? ""}): ${r.reason ?? r.errors.slice(0, 5).join("; ")}`,
        );
      if (ok && listed !== undefined)
        problems.push(`${r.file}: validates now, remove it from unvalidated.tsv`);
      if (listed === "") problems.push(`${r.file}: listed without a reason`);
    }
    for (const file of unvalidated.keys())
      if (!evidence.some((e) => e.file === file))
        problems.push(`${file}: listed but not in ${RESPONSES_DIR}`);
    expect(problems).toEqual([]);
  });

  it("are held against `data` when recorded without the envelope, and fail when `data` is wrong", () => {
    const staff = evidence.find((e) => e.data_only && e.method === "GET");
    expect(staff, "a data_only recording").toBeDefined();
    if (!staff) return;
    expect(checkEvidence(spec, staff).errors).toEqual([]);
    // The same array wrapped in an envelope is not a `data` value: the check must refuse it.
    const wrapped = { ...staff, body: { success: true, data: staff.body } };
    expect(checkEvidence(spec, wrapped).errors.length).toBeGreaterThan(0);
    const item = evidence.find((e) => e.data_item);
    expect(item, "a data_item recording").toBeDefined();
    if (item) expect(checkEvidence(spec, { ...item, body: [item.body] }).errors.length).toBeGreaterThan(0);
  });
});
