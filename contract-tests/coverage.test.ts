// Coverage is counted, not assumed: every operation in openapi.yaml must be exercised by a tag
// file (contractSuite("<tag>") in contract-tests/<tag>.test.ts) with at least one documented
// status, and every vendor tag of spec/reference/.../operations.tsv must have its file.
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "vitest";
import { repoRoot } from "../scripts/lib/prism.js";
import { allCases, casesFor, statusesOf } from "./support/cases.js";
import { loadSpec } from "./support/spec.js";

const dir = resolve(repoRoot, "contract-tests");
const spec = loadSpec();

/** Tags that a test file actually runs, read from the files themselves. */
function suitedTags(): Map<string, string> {
  const tags = new Map<string, string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".test.ts"))) {
    const text = readFileSync(resolve(dir, f), "utf8");
    for (const m of text.matchAll(/^\s*contractSuite\("([^"]+)"\)/gm)) if (m[1]) tags.set(m[1], f);
  }
  return tags;
}

test("every operation in openapi.yaml is exercised by a contract test", () => {
  const tags = suitedTags();
  const missing = spec.operations
    .filter((op) => !tags.has(op.tag) || casesFor(op).length === 0)
    .map(
      (op) =>
        `${op.id} (${op.method.toUpperCase()} ${op.path}, tag ${op.tag}${casesFor(op).length === 0 ? ", no numeric status" : ""})`,
    );
  const exercised = spec.operations.length - missing.length;
  const cases = allCases(spec);
  const errorCases = cases.filter((c) => c.status >= 300).length;
  const documentedErrors = spec.operations.reduce(
    (n, op) => n + statusesOf(op).filter((s) => s >= 300).length,
    0,
  );
  console.log(
    `contract coverage: operations ${exercised}/${spec.operations.length}; ` +
      `tests ${cases.length} (operation × status); error statuses ${errorCases}/${documentedErrors}`,
  );
  expect(missing, "operations no contract test exercises").toEqual([]);
  expect(spec.operations.length).toBeGreaterThan(0);
});

test("every vendor tag has its contract file", () => {
  const tsv = readFileSync(resolve(repoRoot, "spec/reference/altegio-b2b-v1/operations.tsv"), "utf8");
  const vendorTags = [
    ...new Set(
      tsv
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split("\t")[0] ?? ""),
    ),
  ];
  const tags = suitedTags();
  expect(vendorTags.length).toBe(27);
  expect(vendorTags.filter((t) => tags.get(t) !== `${t}.test.ts`)).toEqual([]);
});
