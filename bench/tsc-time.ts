/**
 * `tsc --noEmit` wall time of a consumer file that calls a few operations through the full
 * generated types, against an empty file with the same tsconfig (the baseline: tsc start-up
 * and lib.d.ts). Each is run `runs` times; medians are reported.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface TscResult {
  emptyMs: number;
  consumerMs: number;
  ratio: number;
}

const CONSUMER = `import { createAltegioClient, paginate } from "../../dist/src/index.js";
const client = createAltegioClient({ partnerToken: "p" });
export async function main() {
  const { data } = await client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } });
  await client.POST("/auth", { body: { login: "a", password: "b" } });
  for await (const r of paginate((page) => client.GET("/records/{location_id}", { params: { path: { location_id: 1 }, query: page } }))) {
    void r.id;
  }
  return data?.data;
}
`;

/**
 * Measures both projects in `.cache/bench-tsc/`. Needs dist/ (scripts/build).
 *
 * @example
 * const { ratio } = measureTscTime(3);
 */
export function measureTscTime(runs: number): TscResult {
  const dir = resolve(".cache/bench-tsc");
  mkdirSync(dir, { recursive: true });
  const options = {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ["node"],
    typeRoots: [resolve("node_modules/@types")],
  };
  const time = (file: string): number => {
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: options, files: [file] }));
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      execFileSync(resolve("node_modules/.bin/tsc"), ["-p", join(dir, "tsconfig.json")], {
        stdio: "inherit",
      });
      samples.push(performance.now() - start);
    }
    return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
  };
  writeFileSync(join(dir, "empty.ts"), "export {};\n");
  writeFileSync(join(dir, "consumer.ts"), CONSUMER);
  const emptyMs = time("empty.ts");
  const consumerMs = time("consumer.ts");
  return { emptyMs, consumerMs, ratio: consumerMs / emptyMs };
}
