/**
 * The command's input handling and exit codes, against a real local server that counts what
 * reaches it: bad input is one line naming the problem, exit 2, and no request where none is
 * needed; Ctrl-C on the real executable still writes the report.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliIo, main } from "../../src/verify/cli.js";
import { collectOperations } from "../../src/verify/operations.js";
import { createProgress } from "../../src/verify/progress.js";
import type { VerifyReport } from "../../src/verify/report.js";
import { loadSpecDocument } from "../../src/verify/spec-document.js";
import { verify } from "../../src/verify/verify.js";
import { type DriftServer, startDriftServer } from "./support/drift-server.js";

const LOCATION = "918273645";
const PARTNER = "pt-cli-secret-77";
const USER = "ut-cli-secret-88";
const spec = loadSpecDocument();
const ops = collectOperations(spec.doc);
let server: DriftServer;

beforeAll(async () => {
  server = await startDriftServer({
    doc: spec.doc,
    ops,
    location: LOCATION,
    partnerToken: PARTNER,
    userToken: USER,
  });
});
afterAll(() => server?.close());

async function cli(
  args: string[],
  env: CliIo["env"] = { ALTEGIO_PARTNER_TOKEN: PARTNER, ALTEGIO_USER_TOKEN: USER },
) {
  const out: string[] = [];
  const err: string[] = [];
  const before = server.requests.length;
  const code = await main(args, {
    env,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    overrides: { rateLimit: false },
  });
  return { code, out: out.join(""), err: err.join(""), requests: server.requests.length - before };
}

const verifyArgs = (...extra: string[]) => [
  "verify",
  "--location",
  LOCATION,
  "--base-url",
  server.baseUrl,
  ...extra,
];

describe("altegio-b2b verify: bad input", () => {
  it("no partner token: exit 2, one line, no request", async () => {
    const r = await cli(verifyArgs(), {});
    expect(r).toMatchObject({ code: 2, requests: 0 });
    expect(r.err).toBe("altegio-b2b: ALTEGIO_PARTNER_TOKEN: not set (the partner token is required)\n");
  });

  it("a location the token cannot read (403): exit 2 after the one probe request", async () => {
    const r = await cli(["verify", "--location", "1", "--base-url", server.baseUrl]);
    expect(r).toMatchObject({ code: 2, requests: 1 });
    expect(r.err).toBe("altegio-b2b: --location: the token cannot read location 1 (403)\n");
  });

  it("a refused partner token (401): exit 2, named, the token not repeated", async () => {
    const r = await cli(verifyArgs(), { ALTEGIO_PARTNER_TOKEN: "wrong-token-xyz" });
    expect(r).toMatchObject({ code: 2, requests: 1 });
    expect(r.err).toMatch(/^altegio-b2b: ALTEGIO_PARTNER_TOKEN: refused by the API \(401/);
    expect(r.err).not.toContain("wrong-token-xyz");
  });

  it("a user token refused mid-run (401): the run stops there, exit 2, the report says why", async () => {
    const file = `.cache/verify-401-${process.pid}.json`;
    try {
      const r = await cli(verifyArgs("--out", file), {
        ALTEGIO_PARTNER_TOKEN: PARTNER,
        ALTEGIO_USER_TOKEN: "ut-wrong-55",
      });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/altegio-b2b: a token was refused \(401\): the run stopped\n$/);
      expect(r.err + r.out + readFileSync(file, "utf8")).not.toContain("ut-wrong-55");
      const report = JSON.parse(readFileSync(file, "utf8")) as VerifyReport;
      expect(report.stopped).toBe("auth");
      const refused = report.operations.filter((o) => o.httpStatus === 401);
      expect(refused).toHaveLength(1);
      // Nothing was sent after the refusal.
      expect(r.requests).toBe(report.requests);
      expect(
        report.operations.filter((o) => o.why === "the run stopped: a token was refused (401)").length,
      ).toBeGreaterThan(10);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it("an unknown --only tag: exit 2, no request", async () => {
    const r = await cli(verifyArgs("--only", "services,no-such-tag"));
    expect(r).toMatchObject({ code: 2, requests: 0 });
    expect(r.err).toMatch(/^altegio-b2b: --only: unknown tag "no-such-tag" \(tags: .*services.*\)\n$/);
  });

  it("a --base-url that is not http(s): exit 2, no request", async () => {
    for (const url of ["ftp://127.0.0.1/api/v1", "not a url", "file:///etc/passwd"]) {
      const r = await cli(["verify", "--location", LOCATION, "--base-url", url]);
      expect(r).toMatchObject({ code: 2, requests: 0 });
      expect(r.err).toBe(
        "altegio-b2b: --base-url: must be an http(s) URL such as https://api.alteg.io/api/v1\n",
      );
    }
  });

  it("a token on the command line is refused without repeating it", async () => {
    const r = await cli(verifyArgs("--token=pt-leaked-on-argv"));
    expect(r).toMatchObject({ code: 2, requests: 0 });
    expect(r.err).toContain(
      "unknown option --token (tokens come from ALTEGIO_PARTNER_TOKEN / ALTEGIO_USER_TOKEN only)",
    );
    expect(r.err).not.toContain("pt-leaked-on-argv");
  });

  it("other usage errors: exit 2, no request", async () => {
    for (const args of [
      [],
      ["check"],
      ["verify", "--base-url", "http://127.0.0.1:9"],
      ["verify", "--location", "abc"],
      verifyArgs("--max-requests", "0"),
      verifyArgs("--max-requests", "many"),
      verifyArgs("extra-positional"),
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.requests).toBe(0);
      expect(r.err.trim().split("\n")).toHaveLength(1);
    }
  });
});

describe("altegio-b2b verify: runs", () => {
  it("exit 0 when nothing drifted; --max-requests stops after N requests and says so", async () => {
    const file = `.cache/verify-cli-${process.pid}.json`;
    try {
      const r = await cli(verifyArgs("--max-requests", "5", "--out", file));
      expect(r.code).toBe(0);
      expect(r.requests).toBe(5);
      const report = JSON.parse(readFileSync(file, "utf8")) as VerifyReport;
      expect(report.stopped).toBe("max-requests");
      expect(report.totals.ok).toBe(5);
      expect(report.operations.filter((o) => o.why === "--max-requests 5 reached").length).toBeGreaterThan(0);
      expect(r.out).toMatch(/^altegio-b2b verify: 5 operations checked/);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it("--only keeps the tags asked for, plus the lists their ids come from", async () => {
    const file = `.cache/verify-only-${process.pid}.json`;
    try {
      const r = await cli(verifyArgs("--only", "services", "--out", file));
      expect(r.code).toBe(0);
      const report = JSON.parse(readFileSync(file, "utf8")) as VerifyReport;
      const checked = report.operations.filter((o) => o.status !== "not-checked");
      expect(checked.filter((o) => !o.forDiscovery).every((o) => o.tag === "services")).toBe(true);
      expect(checked.some((o) => o.tag === "services")).toBe(true);
      expect(checked.filter((o) => o.forDiscovery).every((o) => o.tag !== "services")).toBe(true);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it("a 200 that is not JSON is an error of that operation, the rest goes on", async () => {
    const op = "GET /services/{location_id}";
    const html = await startDriftServer({
      doc: spec.doc,
      ops,
      plants: [{ op, kind: "not-json", path: "(root)" }],
      location: LOCATION,
      partnerToken: PARTNER,
      userToken: USER,
    });
    try {
      const report = await verify({
        location: LOCATION,
        partnerToken: PARTNER,
        userToken: USER,
        baseUrl: html.baseUrl,
        rateLimit: false,
      });
      const r = report.operations.find((o) => o.operation === op);
      expect(r).toMatchObject({ status: "error", httpStatus: 200, error: "the body is not JSON" });
      expect(report.totals.ok).toBeGreaterThan(100);
      expect(JSON.stringify(report)).not.toContain("cnry-portal-page");
    } finally {
      await html.close();
    }
  });

  it("progress: one rewritten line on a terminal, plain lines otherwise", () => {
    const tty: string[] = [];
    const plain: string[] = [];
    const a = createProgress({ write: (s: string) => tty.push(s), isTTY: true });
    const b = createProgress({ write: (s: string) => plain.push(s), isTTY: false });
    const result = { operation: "GET /x", operationId: "x", tag: "t", status: "ok" as const };
    for (const p of [a, b]) {
      p.onProgress({ type: "start", total: 2 });
      p.onProgress({ type: "wait", ms: 1500 });
      p.onProgress({
        type: "call",
        n: 1,
        total: 2,
        operation: "GET /x",
        elapsedMs: 2000,
        limiterWaitMs: 1500,
      });
      p.onProgress({ type: "result", n: 1, total: 2, result, elapsedMs: 2100 });
      p.done();
    }
    expect(tty.join("")).toContain("\r\x1b[2K[1/2] 2.0 s · limiter waits 1.5 s · GET /x");
    expect(plain.join("")).not.toContain("\r");
    expect(plain.join("")).toContain("1/2 2.1 s, limiter waits 1.5 s: GET /x ok\n");
  });

  it("Ctrl-C on the executable stops cleanly and still writes the report (exit 130)", async () => {
    const file = `.cache/verify-sigint-${process.pid}.json`;
    rmSync(file, { force: true });
    // The default limiter (5/s) keeps the run going long enough to interrupt it.
    // node itself (tsx as a loader), so the signal reaches the command, not a wrapper process.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/verify/bin.ts", ...verifyArgs("--out", file)],
      {
        env: { ...process.env, ALTEGIO_PARTNER_TOKEN: PARTNER, ALTEGIO_USER_TOKEN: USER },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    const started = new Promise<void>((resolve) =>
      child.stderr.on("data", (c: Buffer) => {
        stderr += c.toString();
        if ((stderr.match(/\n\d+\/\d+ /g) ?? []).length >= 3) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await started;
    child.kill("SIGINT");
    const code = await exited;
    expect(code, stderr).toBe(130);
    expect(existsSync(file), `${stdout}\n${stderr}`).toBe(true);
    const report = JSON.parse(readFileSync(file, "utf8")) as VerifyReport;
    rmSync(file, { force: true });
    expect(report.stopped).toBe("interrupted");
    expect(report.totals.ok).toBeGreaterThanOrEqual(3);
    expect(report.operations.some((o) => o.why === "the run was interrupted")).toBe(true);
    expect(stdout).toContain("stopped early: interrupted");
  }, 60_000);
});
