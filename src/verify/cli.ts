/**
 * `altegio-b2b verify --location <id> [--base-url URL] [--only tag,…] [--max-requests N]
 * [--out report.json] [--include-search]`. Tokens come from ALTEGIO_PARTNER_TOKEN and
 * ALTEGIO_USER_TOKEN only: argv is visible to every user of the machine (`ps`).
 * Exit codes: 0 nothing drifted, 1 drift, 2 usage or auth error, 130 interrupted.
 */
import { renameSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isAltegioConfigError } from "../errors/is-altegio-error.js";
import { createProgress, type ProgressStream } from "./progress.js";
import type { VerifyReport } from "./report.js";
import { formatSummary } from "./summary.js";
import { type VerifyOptions, verify } from "./verify.js";

export const USAGE =
  "usage: altegio-b2b verify --location <id> [--base-url URL] [--only tag,…] [--max-requests N] " +
  "[--out report.json] [--include-search]   (tokens: ALTEGIO_PARTNER_TOKEN, ALTEGIO_USER_TOKEN)";

const FLAGS = {
  location: { type: "string" },
  "base-url": { type: "string" },
  only: { type: "string" },
  "max-requests": { type: "string" },
  out: { type: "string" },
  "include-search": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: ProgressStream;
  stderr: ProgressStream;
  /** Aborted on Ctrl-C (the bin wires SIGINT to it). */
  signal?: AbortSignal;
  /** Test hook: everything else a run takes (a fast limiter, a spec file). */
  overrides?: Partial<VerifyOptions>;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`altegio-b2b: ${message}\n`);
    return 2;
  };
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command !== "verify") return fail(command ? `unknown command "${safe(command)}"; ${USAGE}` : USAGE);
  // Named here (not by parseArgs, whose message would repeat `--token=…` whole).
  for (const arg of rest) {
    const name = arg.startsWith("--")
      ? (arg.slice(2).split("=")[0] ?? "")
      : arg.startsWith("-")
        ? arg.slice(1, 2)
        : "";
    if (
      (arg.startsWith("--") && !(name in FLAGS)) ||
      (arg.startsWith("-") && !arg.startsWith("--") && name !== "h")
    ) {
      const hint = /token|password/i.test(name)
        ? " (tokens come from ALTEGIO_PARTNER_TOKEN / ALTEGIO_USER_TOKEN only)"
        : "";
      return fail(`unknown option ${arg.startsWith("--") ? `--${safe(name)}` : `-${safe(name)}`}${hint}`);
    }
  }
  let values: { [K in keyof typeof FLAGS]?: (typeof FLAGS)[K]["type"] extends "string" ? string : boolean };
  try {
    ({ values } = parseArgs({ args: [...rest], options: FLAGS, allowPositionals: false, strict: true }));
  } catch (error) {
    const code = (error as { code?: string }).code;
    return fail(
      code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL"
        ? `unexpected argument; ${USAGE}`
        : `bad arguments; ${USAGE}`,
    );
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.location === undefined) return fail("--location <id> is required");
  let maxRequests: number | undefined;
  if (values["max-requests"] !== undefined) {
    maxRequests = /^\d+$/.test(values["max-requests"]) ? Number(values["max-requests"]) : Number.NaN;
  }
  const progress = createProgress(io.stderr);
  let report: VerifyReport;
  try {
    report = await verify({
      location: values.location,
      partnerToken: io.env.ALTEGIO_PARTNER_TOKEN,
      userToken: io.env.ALTEGIO_USER_TOKEN,
      baseUrl: values["base-url"],
      only: values.only?.split(","),
      maxRequests,
      includeSearch: values["include-search"] === true,
      signal: io.signal,
      onProgress: progress.onProgress,
      ...io.overrides,
    });
  } catch (error) {
    progress.done();
    if (isAltegioConfigError(error)) return fail(error.message);
    throw error;
  }
  progress.done();
  if (values.out) {
    try {
      writeReport(values.out, report);
    } catch (error) {
      io.stdout.write(formatSummary(report));
      return fail(`--out: cannot write ${values.out} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  }
  io.stdout.write(formatSummary(report));
  if (values.out) io.stdout.write(`report written to ${values.out}\n`);
  if (report.stopped === "auth") return fail("a token was refused (401): the run stopped");
  if (report.stopped === "interrupted") return 130;
  return report.totals.drift > 0 ? 1 : 0;
}

/** Atomic, so an interrupted write never leaves half a report. */
function writeReport(file: string, report: VerifyReport): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(tmp, file);
}

/** An argument echoed in an error, cut short and printable (it may be anything). */
const safe = (s: string) => s.replace(/[^\x21-\x7e]/g, "?").slice(0, 40);
