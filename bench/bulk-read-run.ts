/**
 * `scripts/bench bulk-read`: only the bulk-read phase (bench/bulk-read.ts). Prints a table and
 * writes bench/results/bulk-read-<timestamp>.json (gitignored). Under the real limit it takes
 * about 3 minutes, most of it the old default's 200 requests at each delay.
 *
 * Env: BENCH_BULK_ITEMS (default 5000), BENCH_BULK_DELAYS (default "0,300" ms),
 * BENCH_BULK_SCALE (default 1: the vendor's real windows; 10 divides windows and delays by 10).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BULK_HEADER, formatRow, runBulkReads } from "./bulk-read.js";

const total = Number(process.env.BENCH_BULK_ITEMS ?? 5000);
const scale = Number(process.env.BENCH_BULK_SCALE ?? 1);
const delays = (process.env.BENCH_BULK_DELAYS ?? "0,300").split(",").map(Number);
if (!Number.isInteger(total) || total < 1) throw new Error("BENCH_BULK_ITEMS must be a positive integer");
if (!(scale >= 1)) throw new Error("BENCH_BULK_SCALE must be a number >= 1");
if (delays.some((d) => !(d >= 0))) throw new Error("BENCH_BULK_DELAYS must be numbers >= 0, comma-separated");

console.log(
  `bench: bulk read of ${total} items, 5/s and 200/min enforced by the server${scale === 1 ? "" : ` (scaled down ${scale}x)`}`,
);
const results = await runBulkReads({ total, delays, scale, log: (line) => console.log(line) });
const rows = [BULK_HEADER, ...results.map(formatRow)];
const width = BULK_HEADER.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i] ?? 0)).join(" | ")} |`;
console.log(`\n${line(BULK_HEADER)}`);
console.log(`|${width.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of results) console.log(line(formatRow(r)));

mkdirSync("bench/results", { recursive: true });
const file = join("bench/results", `bulk-read-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, total, scale, results }, null, 2)}\n`,
);
console.log(`\nbench: wrote ${file}`);
