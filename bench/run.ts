/**
 * `npm run bench`: every measurement in one run, against local servers only. Prints a table
 * and writes bench/results/<timestamp>.json (gitignored). Targets (issue 4): our client
 * ≤ 1.05x bare openapi-fetch per request (rate limiter disabled for that phase), ≤ 8 kB
 * min+gz bundle, paging at ≥ 98% of the vendor limit with zero 429s.
 *
 * Then the bulk read of issue 16 (bench/bulk-read.ts, ~3.5 min; alone: `scripts/bench bulk-read`).
 *
 * Env: BENCH_PAGING_REQUESTS (default 1000, ~5 min), BENCH_REQUESTS (per round, default 100),
 * BENCH_ROUNDS (default 60), BENCH_TSC_RUNS (default 3).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLIENT_BUDGET_BYTES, measureBundleSize } from "../scripts/lib/bundle-size.js";
import { runBulkReads } from "./bulk-read.js";
import { measurePagingRate } from "./paging-rate.js";
import { measureRequestOverhead } from "./request-overhead.js";
import { startBenchServer } from "./start-server.js";
import { measureTscTime } from "./tsc-time.js";

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};

const rows: [string, string, string][] = [];
const row = (what: string, value: string, target: string) => {
  rows.push([what, value, target]);
  console.log(`  ${what}: ${value}`);
};

console.log("bench: request overhead (rate limiter disabled for this phase)");
const plain = await startBenchServer();
let overhead: Awaited<ReturnType<typeof measureRequestOverhead>>;
try {
  overhead = await measureRequestOverhead(plain, env("BENCH_REQUESTS", 100), env("BENCH_ROUNDS", 60));
} finally {
  plain.stop();
}
row("raw fetch, µs/request", overhead.rawFetchUs.toFixed(1), "baseline");
row(
  "bare openapi-fetch, µs/request",
  overhead.openapiFetchUs.toFixed(1),
  `${overhead.openapiFetchVsRawFetch.toFixed(3)}x raw fetch`,
);
row("createAltegioClient, µs/request", overhead.altegioUs.toFixed(1), "rateLimit: false");
row(
  "client / bare openapi-fetch (socket)",
  `${overhead.altegioVsOpenapiFetch.toFixed(3)}x`,
  `≤ 1.05x; IQR ${overhead.altegioVsOpenapiFetchQ1.toFixed(3)}–${overhead.altegioVsOpenapiFetchQ3.toFixed(3)}`,
);
row(
  "in-memory fetch: bare / client, µs",
  `${overhead.inMemoryOpenapiFetchUs.toFixed(1)} / ${overhead.inMemoryAltegioUs.toFixed(1)}`,
  "no socket: the client's own cost",
);
row(
  "client adds, µs/request",
  overhead.addedUs.toFixed(1),
  `= ${((1 + overhead.addedVsSocketRequest) * 1).toFixed(3)}x a socket request of bare openapi-fetch`,
);

console.log("bench: bundle size");
const bundle = await measureBundleSize("dist/src/index.js");
row("bundle min", `${(bundle.minBytes / 1024).toFixed(2)} kB`, "");
row("bundle min+gz", `${(bundle.minGzipBytes / 1024).toFixed(2)} kB`, `≤ ${CLIENT_BUDGET_BYTES / 1024} kB`);

console.log("bench: tsc --noEmit");
const tsc = measureTscTime(env("BENCH_TSC_RUNS", 3));
row("tsc empty file", `${tsc.emptyMs.toFixed(0)} ms`, "baseline");
row("tsc consumer over generated types", `${tsc.consumerMs.toFixed(0)} ms`, `${tsc.ratio.toFixed(2)}x empty`);

const pagingRequests = env("BENCH_PAGING_REQUESTS", 1000);
console.log(
  `bench: paging ${pagingRequests} requests under the default limiter (5/s and 200/min enforced by the server)`,
);
const limited = await startBenchServer(["--limit"]);
let paging: Awaited<ReturnType<typeof measurePagingRate>>;
try {
  paging = await measurePagingRate(limited, pagingRequests);
} finally {
  limited.stop();
}
row("paging requests", String(paging.requests), "");
row(
  "paging elapsed",
  `${(paging.elapsedMs / 1000).toFixed(1)} s`,
  `ideal ${(paging.idealMs / 1000).toFixed(1)} s`,
);
row("paging achieved vs limit", `${(paging.achievedOfLimit * 100).toFixed(1)} %`, "≥ 98 %");
row("paging requests/min", paging.requestsPerMinute.toFixed(1), "limit 200/min (after the 5/s burst)");
row("paging 429 responses", String(paging.tooMany), "0");

console.log(
  "bench: bulk read (5,000 items; 5/s and 200/min, page maximum and answer delay enforced by the server)",
);
const bulk = await runBulkReads({
  total: env("BENCH_BULK_ITEMS", 5000),
  delays: [0, 300],
  scale: 1,
  log: console.log,
});
for (const r of bulk) {
  row(
    `bulk ${r.mode} ${r.label}, ${r.delayMs} ms`,
    `${r.requests} req (min ${r.minRequests}), ${(r.elapsedMs / 1000).toFixed(2)} s`,
    `${r.ratio.toFixed(3)}x ideal, heap +${r.peakHeapMB.toFixed(1)} MB, ${r.tooMany} 429s`,
  );
}

const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i] ?? 0)).join(" | ")} |`;
console.log(`\n${line(["measure", "value", "target / note"])}`);
console.log(`|${width.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of rows) console.log(line(r));

mkdirSync("bench/results", { recursive: true });
const file = join("bench/results", `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, overhead, bundle, tsc, paging, bulk }, null, 2)}\n`,
);
console.log(`\nbench: wrote ${file}`);
