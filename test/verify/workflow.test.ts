/**
 * The project's scheduled workflow runs `altegio-b2b verify` when the account secrets are set and
 * says loudly that it skipped when they are not: the skip branch of the real step script is run
 * here with the secrets empty, as GitHub Actions runs it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Step {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}
const workflow = parse(readFileSync(".github/workflows/contract.yml", "utf8")) as {
  jobs: Record<string, { if?: string; steps: Step[] }>;
};
const job = workflow.jobs["verify-account"];
const step = job?.steps.find((s) => s.run?.includes("verify --location"));

describe("contract.yml: verify against the real API on the schedule", () => {
  it("runs on the schedule and by hand, with the tokens from repository secrets", () => {
    expect(job?.if).toMatch(/schedule/);
    expect(job?.if).toMatch(/workflow_dispatch/);
    // GitHub's `${{ secrets.X }}` expressions, spelled without a template-like literal.
    const secret = (name: string) => ["$", "{{ secrets.", name, " }}"].join("");
    expect(step?.env).toEqual({
      ALTEGIO_PARTNER_TOKEN: secret("ALTEGIO_PARTNER_TOKEN"),
      ALTEGIO_USER_TOKEN: secret("ALTEGIO_USER_TOKEN"),
      ALTEGIO_LOCATION_ID: secret("ALTEGIO_LOCATION_ID"),
    });
    // Tokens never on the command line.
    expect(step?.run).not.toMatch(/--token|\$\{?ALTEGIO_(PARTNER|USER)_TOKEN\}?"? *$/m);
  });

  it("without secrets the step says `skipped:` in the log and the job summary, and passes", () => {
    const dir = mkdtempSync(join(tmpdir(), "verify-wf-"));
    const summary = join(dir, "summary.md");
    try {
      const out = execFileSync("bash", ["-e", "-c", step?.run ?? "exit 9"], {
        env: {
          PATH: process.env.PATH ?? "",
          GITHUB_STEP_SUMMARY: summary,
          ALTEGIO_PARTNER_TOKEN: "",
          ALTEGIO_LOCATION_ID: "",
        },
        encoding: "utf8",
      });
      expect(out).toMatch(
        /^::warning title=verify skipped::skipped: secrets ALTEGIO_PARTNER_TOKEN and ALTEGIO_LOCATION_ID are not set/,
      );
      expect(readFileSync(summary, "utf8")).toMatch(/^skipped: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
