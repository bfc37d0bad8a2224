/**
 * `node_modules/.bin/tsx bench/spec-model.ts` (issue 10): what the spec's model costs its users.
 * Prints component count, the entity components (`x-altegio-entity`) and how many operations
 * reach each, the sizes of openapi.yaml and generated/schema.ts, a consumer's `tsc --noEmit` time
 * as a ratio to an empty file, and Prism's start time as a ratio to Prism on a one-path spec
 * (both baselines measured in the same run). Builds dist/ first (the tsc consumer imports it).
 *
 * Env: BENCH_TSC_RUNS (default 3), BENCH_PRISM_RUNS (default 3).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { startPrism } from "../scripts/lib/prism.js";
import { measureTscTime } from "./tsc-time.js";

type Json = Record<string, unknown>;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const runs = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};

/** Component names reachable from a value, following `#/components/schemas/` references. */
function reachable(schemas: Json, value: unknown, seen = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) reachable(schemas, v, seen);
  else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value as Json)) {
      if (key === "$ref" && typeof v === "string" && v.startsWith("#/components/schemas/")) {
        const name = v.slice("#/components/schemas/".length);
        if (!seen.has(name)) {
          seen.add(name);
          reachable(schemas, schemas[name], seen);
        }
      } else reachable(schemas, v, seen);
    }
  }
  return seen;
}

export function specFigures(spec: Json): { components: number; entities: Record<string, number> } {
  const schemas = ((spec.components as Json | undefined)?.schemas ?? {}) as Json;
  const entities: Record<string, number> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    if ((schema as Json)["x-altegio-entity"] !== undefined) entities[name] = 0;
  }
  for (const item of Object.values((spec.paths ?? {}) as Json)) {
    for (const method of METHODS) {
      const op = (item as Json)[method];
      if (!op) continue;
      for (const name of reachable(schemas, op))
        if (name in entities) entities[name] = (entities[name] ?? 0) + 1;
    }
  }
  return { components: Object.keys(schemas).length, entities };
}

async function prismStartMs(spec: string, count: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const prism = await startPrism({ spec });
    samples.push(performance.now() - start);
    await prism.stop();
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
}

const TINY_SPEC = {
  openapi: "3.0.3",
  info: { title: "baseline", version: "1" },
  paths: { "/ping": { get: { responses: { "200": { description: "OK" } } } } },
};

const specText = readFileSync("openapi.yaml", "utf8");
const { components, entities } = specFigures(parse(specText) as Json);
console.log(`components: ${components}`);
console.log(`entity components: ${Object.keys(entities).length}`);
for (const [name, ops] of Object.entries(entities)) console.log(`  ${name}: ${ops} operations`);
console.log(`openapi.yaml: ${(specText.length / 1024).toFixed(0)} kB`);
console.log(`generated/schema.ts: ${(statSync("generated/schema.ts").size / 1024).toFixed(0)} kB`);

execFileSync("scripts/build", { stdio: "ignore" });
const tsc = measureTscTime(runs("BENCH_TSC_RUNS", 3));
console.log(
  `tsc consumer: ${tsc.consumerMs.toFixed(0)} ms vs empty ${tsc.emptyMs.toFixed(0)} ms = ${tsc.ratio.toFixed(2)}x (target ≤ 1.8x)`,
);

const dir = resolve(".cache/bench-spec-model");
mkdirSync(dir, { recursive: true });
const tiny = join(dir, "tiny.json");
writeFileSync(tiny, JSON.stringify(TINY_SPEC));
const prismRuns = runs("BENCH_PRISM_RUNS", 3);
const tinyMs = await prismStartMs(tiny, prismRuns);
const fullMs = await prismStartMs("openapi.yaml", prismRuns);
console.log(
  `prism start: ${fullMs.toFixed(0)} ms vs one-path spec ${tinyMs.toFixed(0)} ms = ${(fullMs / tinyMs).toFixed(2)}x`,
);
