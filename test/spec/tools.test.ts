// The tools of the contract lanes accept openapi.yaml: Prism starts on it and answers, and Dredd
// parses it (the YAML file itself, and the JSON rendering the Dredd lane uses) without errors.
// Dredd is the lane's own install (contract-tests/dredd/), made on first use.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { DREDD_BIN, ensureDredd } from "../../scripts/lib/contract/dredd-install.js";
import { freePort, startPrism } from "../../scripts/lib/prism.js";

const root = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

describe("prism", () => {
  test("starts on openapi.yaml and answers a documented operation", async () => {
    const prism = await startPrism({});
    try {
      const res = await fetch(`${prism.baseUrl}/companies`, {
        headers: { Authorization: "Bearer p", Accept: "application/vnd.api.v2+json" },
      });
      expect(res.status).toBe(200);
    } finally {
      await prism.stop();
    }
    // stop() really killed it (by PID / process group).
    expect(() => process.kill(prism.pid, 0)).toThrow();
  });
});

/** Dredd's parse/compile problems for a document, with --dry-run against a closed port. */
async function dreddProblems(file: string): Promise<string[]> {
  const port = await freePort(); // nothing listens there: --dry-run sends no request anyway
  const res = await run(
    DREDD_BIN,
    [file, `http://127.0.0.1:${port}`, "--dry-run", "--color", "false", "--loglevel", "warning"],
    { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } },
  ).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? "", stderr: e.stderr ?? "" }));
  return `${res.stdout}\n${res.stderr}`
    .split("\n")
    .filter(
      (l) => /^error: API description (parser|processing|.*validation) error/.test(l) || /^error: /.test(l),
    )
    .map((l) => l.slice(0, 300));
}

describe("dredd", () => {
  // First use in a fresh clone: `npm ci` of the lane's own 227 packages, more than a test's time.
  beforeAll(() => {
    ensureDredd();
  }, 600_000);

  test("parses the JSON rendering of openapi.yaml (what `npm run test:dredd` reads) without errors", async () => {
    mkdirSync(resolve(root, ".cache"), { recursive: true });
    const json = resolve(root, ".cache/openapi.tools-test.json");
    writeFileSync(json, JSON.stringify(parse(readFileSync(resolve(root, "openapi.yaml"), "utf8"))));
    const problems = await dreddProblems(json);
    // URI parameters without a parameter-level example are reported as errors by Dredd; the lane
    // supplies them (scripts/lib/contract/dredd.ts), so only parse/processing errors count here.
    expect(problems.filter((p) => !/URI parameters validation error/.test(p))).toEqual([]);
  });

  test("parses openapi.yaml itself without YAML errors", async () => {
    const problems = await dreddProblems(resolve(root, "openapi.yaml"));
    expect(problems.filter((p) => /parser error|processing error/.test(p))).toEqual([]);
  });
});
