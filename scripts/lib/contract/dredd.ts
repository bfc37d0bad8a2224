/**
 * `npm run test:dredd`: Dredd 14 on openapi.yaml against a Prism this script starts (and stops by
 * PID, also on failure). Writes the request plan the hookfile reads, runs Dredd, prints
 * `dredd: passed P / built B` and fails unless every built transaction passed.
 *
 * Dredd is a second lane only: it is unmaintained, its OAS3 support ignores allOf/anyOf/
 * additionalProperties and type errors and applies no security. The contract suite is the
 * authority; this lane catches what a different tool reads differently.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { DREDD_SKIPS } from "../../../contract-tests/dredd/skips.js";
import { buildRequest, fillPath, paramValue, queryString } from "../../../contract-tests/support/request.js";
import { deref, type Json, loadSpec, specPath } from "../../../contract-tests/support/spec.js";
import { validatorFor } from "../../../contract-tests/support/validator.js";
import { isRecord } from "../../../src/internal/is-record.js";
import { repoRoot, startPrism } from "../prism.js";
import { ensureDredd } from "./dredd-install.js";

interface PlanOp {
  security: string[];
  uri: string;
  body?: string;
  contentType?: string;
  skip?: Record<string, string>;
}

/**
 * Dredd refuses to build a transaction whose required URI parameter has no `example` at the
 * parameter level (openapi.yaml often has it in the schema only: 453 such errors), so Dredd reads
 * a JSON rendering of the same document in which those parameters get the value the request
 * builder picked; the hookfile replaces every URI anyway. (JSON also sidesteps Dredd's old YAML
 * parser, which rejected plain URLs in flow mappings before 849a937; test/spec/tools.test.ts
 * checks that it parses openapi.yaml itself.)
 */
function writeJsonSpec(file: string): void {
  const spec = loadSpec(specPath());
  const v = validatorFor(spec);
  const copy = structuredClone(spec.raw);
  for (const op of spec.operations) {
    const item = (copy.paths as Record<string, Record<string, unknown>>)[op.path];
    const lists = [
      item?.parameters,
      isRecord(item?.[op.method]) ? (item[op.method] as Record<string, unknown>).parameters : undefined,
    ];
    for (const list of lists) {
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        const param = deref(copy, entry) as unknown;
        if (!isRecord(param) || (param.in !== "path" && param.in !== "query") || param.required !== true)
          continue;
        if (param.example !== undefined || param.examples !== undefined) continue;
        const spec30 = op.parameters.find((p) => p.name === param.name && p.in === param.in);
        if (spec30) param.example = paramValue(spec, v, spec30);
      }
    }
  }
  writeFileSync(file, JSON.stringify(copy));
}

const BOUNDARY = "altegio-contract-boundary";

/** Dredd sends bodies as strings: a form body is written out with a fixed boundary. */
function multipart(body: Json): string {
  const fields =
    typeof body === "object" && body !== null && !Array.isArray(body) ? Object.entries(body) : [];
  const parts = fields
    .filter(([, v]) => v !== null)
    .map(
      ([k, v]) =>
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${typeof v === "object" ? JSON.stringify(v) : String(v)}\r\n`,
    );
  return `${parts.join("")}--${BOUNDARY}--\r\n`;
}

function writePlan(file: string): { built: number } {
  const spec = loadSpec(specPath());
  const v = validatorFor(spec);
  const operations: Record<string, PlanOp> = {};
  for (const op of spec.operations) {
    const req = buildRequest(spec, v, op);
    const entry: PlanOp = {
      security: op.security,
      uri: fillPath(op.path, req.path) + queryString(req.query),
    };
    if (req.body !== undefined) {
      if (req.bodyMediaType === "multipart/form-data") {
        entry.body = multipart(req.body);
        entry.contentType = `multipart/form-data; boundary=${BOUNDARY}`;
      } else entry.body = JSON.stringify(req.body);
    }
    const skip = DREDD_SKIPS[op.id];
    if (skip) entry.skip = skip;
    operations[`${op.method.toUpperCase()} ${op.path}`] = entry;
  }
  writeFileSync(file, JSON.stringify({ mediaType: spec.mediaType, operations }));
  return { built: spec.operations.length };
}

function runDredd(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((ok) => {
    const child = spawn(ensureDredd(), args, { cwd: repoRoot, env });
    let out = "";
    const onData = (c: Buffer) => {
      const s = c.toString("utf8");
      out += s;
      process.stdout.write(s);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => ok({ code: code ?? 1, out }));
  });
}

async function main(): Promise<number> {
  const started = Date.now();
  const cache = resolve(repoRoot, ".cache");
  mkdirSync(cache, { recursive: true });
  const planFile = resolve(cache, "dredd-plan.json");
  writePlan(planFile);
  const jsonSpec = resolve(cache, "openapi.dredd.json");
  writeJsonSpec(jsonSpec);
  const prism = await startPrism({ spec: specPath() });
  try {
    const { code, out } = await runDredd(
      [
        jsonSpec,
        prism.baseUrl,
        "--hookfiles",
        resolve(repoRoot, "contract-tests/dredd/hooks.cjs"),
        "--language",
        "nodejs",
        "--color",
        "false",
        "--loglevel",
        "warning",
      ],
      { ...process.env, DREDD_PLAN: planFile, NO_COLOR: "1" },
    );
    // Dredd's own summary: "complete: 10 passing, 0 failing, 0 errors, 2 skipped, 12 total"
    const m = /complete: (\d+) passing, (\d+) failing, (\d+) errors, (\d+) skipped, (\d+) total/.exec(out);
    if (!m) {
      console.error(`dredd: no summary line (exit ${code}); see output above`);
      return 1;
    }
    const [passing, failing, errors, skipped, total] = m.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const built = total;
    console.log(
      `\ndredd: passed ${passing} / built ${built} (failing ${failing}, errors ${errors}, ` +
        `skipped ${skipped}: see contract-tests/dredd/README.md) in ${((Date.now() - started) / 1000).toFixed(1)}s`,
    );
    if (skipped > 0) console.log(`dredd: skipped ${skipped} transaction(s), each with its reason above`);
    return failing === 0 && errors === 0 && passing > 0 && passing + skipped === built && code === 0 ? 0 : 1;
  } finally {
    await prism.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`dredd: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
