// Spectral on openapi.yaml with the committed ruleset (.spectral.yaml): 0 errors, and the custom
// rule against Accept/Content-Type/Authorization header parameters really fires.
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

interface Finding {
  code: string;
  message: string;
  severity: number; // 0 error, 1 warn, 2 info, 3 hint
  path: string[];
}

async function spectral(file: string): Promise<Finding[]> {
  // --fail-severity is irrelevant here: we read the JSON report whatever the exit code.
  const res = await run(
    resolve(root, "node_modules/.bin/spectral"),
    ["lint", "--ruleset", resolve(root, ".spectral.yaml"), "--format", "json", "--quiet", file],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  ).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? "", stderr: e.stderr ?? "" }));
  const text = res.stdout.trim();
  if (!text.startsWith("["))
    throw new Error(`spectral gave no JSON report: ${(text || res.stderr).slice(0, 500)}`);
  return JSON.parse(text) as Finding[];
}

describe("spectral", () => {
  test("openapi.yaml has 0 errors", async () => {
    const findings = await spectral(resolve(root, "openapi.yaml"));
    const errors = findings.filter((f) => f.severity === 0);
    const warnings = findings.length - errors.length;
    console.log(`spectral: ${errors.length} errors, ${warnings} warnings/infos on openapi.yaml`);
    expect(errors.map((f) => `${f.code} at ${f.path.join(".")}: ${f.message}`)).toEqual([]);
  });

  test("the transport-header rule fires on a bad fixture (Accept, Authorization; not X-Request-Id)", async () => {
    const findings = await spectral(resolve(root, "contract-tests/fixtures/bad-header-params.yaml"));
    const hits = findings.filter((f) => f.code === "no-transport-header-params");
    expect(hits.map((f) => f.message.split(" ")[0]).sort()).toEqual(["Accept", "Authorization"]);
    expect(hits.every((f) => f.severity === 0)).toBe(true);
  });

  test("the examples rules are errors (a wrong example fails the lint)", async () => {
    const findings = await spectral(resolve(root, "contract-tests/fixtures/bad-example.yaml"));
    const codes = findings.filter((f) => f.severity === 0).map((f) => f.code);
    expect(codes).toContain("oas3-valid-media-example");
    expect(codes).toContain("oas3-valid-schema-example");
  });
});
