/**
 * `npm run bench:redis`: N worker processes (N = 1, 2, 4, 8) share ONE budget through
 * altegio-b2b/redis-rate-limit against bench/server.ts enforcing 5/s and 200/min per IP over
 * sliding windows (all workers come from 127.0.0.1, so the server sees one IP).
 *
 * Per N: achieved rate vs the fastest schedule the server's rules allow for the same number of
 * requests (target ≥ 97 %), 429s (target 0), and the latency one acquire adds when nobody has to
 * wait (p50/p99, Redis round trip vs the in-process limiter measured in the same run).
 *
 * Env: BENCH_REDIS_SCALE (default 1 = the real limit; 10 makes it 5 per 100 ms and 200 per 6 s),
 * BENCH_REDIS_REQUESTS (per N, default 300: past 200 so the minute window binds; ≈ 80 s per N
 * at scale 1), BENCH_REDIS_WORKERS (default 1,2,4,8), BENCH_REDIS_LATENCY (acquires per worker,
 * default 300), BENCH_REDIS_MARGIN (the limiter's marginMs, default ALTEGIO_RATE_LIMIT's 50; it
 * absorbs send-to-arrival jitter, which does not shrink with the scale). Writes
 * bench/results/redis-<timestamp>.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ALTEGIO_RATE_LIMIT } from "../src/index.js";
import { redisServerVersion, startRedisServer } from "../test/unit/support/redis-server.js";
import { startBenchServer } from "./start-server.js";

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!(value >= 1)) throw new Error(`${name} must be a number >= 1`);
  return value;
};
const scale = num("BENCH_REDIS_SCALE", 1);
const requests = Math.round(num("BENCH_REDIS_REQUESTS", 300));
const latencyRequests = Math.round(num("BENCH_REDIS_LATENCY", 300));
const counts = (process.env.BENCH_REDIS_WORKERS ?? "1,2,4,8").split(",").map(Number);
const windows = ALTEGIO_RATE_LIMIT.windows.map((w) => ({ limit: w.limit, intervalMs: w.intervalMs / scale }));
// The margin absorbs send-to-arrival jitter, which does not shrink with the windows.
const marginMs = Number(process.env.BENCH_REDIS_MARGIN ?? ALTEGIO_RATE_LIMIT.marginMs);
if (!(marginMs >= 0)) throw new Error("BENCH_REDIS_MARGIN must be a number >= 0");

/** Earliest start times of n requests that keep every window (greedy, sliding windows). */
function idealMs(n: number): number {
  const t: number[] = [];
  for (let k = 0; k < n; k++) {
    let at = k > 0 ? (t[k - 1] ?? 0) : 0;
    for (const w of windows) if (k >= w.limit) at = Math.max(at, (t[k - w.limit] ?? 0) + w.intervalMs);
    t.push(at);
  }
  return t[n - 1] ?? 0;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/** Starts n workers on one job, waits until all are connected, then starts them together. */
async function runWorkers<T>(n: number, job: (i: number) => object): Promise<T[]> {
  const children: { child: ChildProcess; next: () => Promise<string> }[] = [];
  for (let i = 0; i < n; i++) {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "bench/redis-worker.ts", JSON.stringify(job(i))],
      {
        stdio: ["pipe", "pipe", "inherit"],
      },
    );
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const queue: string[] = [];
    const waiting: ((line: string) => void)[] = [];
    lines.on("line", (line) => {
      const w = waiting.shift();
      if (w) w(line);
      else queue.push(line);
    });
    const next = () =>
      new Promise<string>((done, fail) => {
        const line = queue.shift();
        if (line !== undefined) done(line);
        else waiting.push(done);
        child.once("exit", (code) => code !== 0 && fail(new Error(`bench worker exited with ${code}`)));
      });
    children.push({ child, next });
  }
  for (const c of children)
    if ((await c.next()) !== "ready") throw new Error("bench worker did not get ready");
  const results = children.map((c) => c.next());
  for (const c of children) c.child.stdin?.end("go\n");
  return (await Promise.all(results)).map((line) => JSON.parse(line) as T);
}

const version = redisServerVersion();
if (version === undefined) {
  console.error(
    "skipped: redis-server not installed (apt-get install -y redis-server); nothing was measured",
  );
  process.exit(0);
}
console.log(
  `bench:redis: redis-server ${version}, limit 5 per ${windows[0]?.intervalMs} ms and 200 per ${windows[1]?.intervalMs} ms` +
    ` (scale ${scale}), marginMs ${marginMs}, ${requests} requests per N, workers ${counts.join(", ")}`,
);
const redis = await startRedisServer();
interface Row {
  /** "1", "2", … or "1, in-process" for the baseline. */
  workers: string;
  requests: number;
  elapsedS: number;
  idealS: number;
  achievedPct: number;
  /** 429s the server sent (it counts every arrival, as the vendor would). */
  tooMany: number;
  /** When the 429s came, in s from the first grant: at the start (cold sockets) or spread out. */
  tooManyAtS: number[];
  redisP50Ms: number | undefined;
  redisP99Ms: number | undefined;
  localP50Ms: number | undefined;
  localP99Ms: number | undefined;
}

/** One rate run of n workers on a fresh limited server (no earlier arrivals count against it). */
async function rateRun(n: number, limiter: "redis" | "local", key: string) {
  const server = await startBenchServer(["--limit", "--scale", String(scale)]);
  try {
    const share = (i: number) => Math.floor(requests / n) + (i < requests % n ? 1 : 0);
    const rate = await runWorkers<{ grants: number[]; tooManyAt: number[] }>(n, (i) => ({
      redisPort: redis.port,
      baseUrl: server.baseUrl,
      key,
      windows,
      marginMs,
      mode: "rate",
      limiter,
      requests: share(i),
      concurrency: 2,
    }));
    const grants = rate.flatMap((r) => r.grants);
    const first = Math.min(...grants);
    const elapsed = Math.max(...grants) - first;
    return {
      requests: grants.length,
      elapsedS: elapsed / 1000,
      idealS: idealMs(grants.length) / 1000,
      achievedPct: (idealMs(grants.length) / elapsed) * 100,
      tooMany: (await server.stats()).tooMany,
      tooManyAtS: rate.flatMap((r) => r.tooManyAt).map((t) => Math.round(t - first) / 1000),
    };
  } finally {
    server.stop();
  }
}

const fmt = (v: number | undefined, digits: number) => (v === undefined ? "n/a" : v.toFixed(digits));
function report(row: Row) {
  rows.push(row);
  console.log(
    `  N=${row.workers}: ${row.requests} requests in ${fmt(row.elapsedS, 1)} s (ideal ${fmt(row.idealS, 1)} s) = ` +
      `${fmt(row.achievedPct, 1)} % of the limit, ${row.tooMany} x 429${row.tooMany ? ` (at ${row.tooManyAtS.join(", ")} s)` : ""}; ` +
      `acquire p50/p99 ${fmt(row.redisP50Ms, 2)}/${fmt(row.redisP99Ms, 2)} ms (in-process ${fmt(row.localP50Ms, 3)}/${fmt(row.localP99Ms, 3)} ms)`,
  );
}

const rows: Row[] = [];
try {
  // Baseline: one process on the in-process limiter, same settings, same machine, same moment:
  // what the machine's own send-to-arrival jitter costs without Redis.
  const baseline = await rateRun(1, "local", `bench:baseline:${Date.now()}`);
  report({
    workers: "1, in-process",
    ...baseline,
    redisP50Ms: undefined,
    redisP99Ms: undefined,
    localP50Ms: undefined,
    localP99Ms: undefined,
  });
  for (const n of counts) {
    const key = `bench:${n}:${Date.now()}`;
    const rate = await rateRun(n, "redis", key);
    const latency = await runWorkers<{ redisMs: number[]; localMs: number[] }>(n, () => ({
      redisPort: redis.port,
      baseUrl: "http://127.0.0.1:9/unused",
      key: `${key}:latency`,
      windows: [{ limit: 100_000, intervalMs: 1_000 }],
      marginMs,
      mode: "latency",
      requests: latencyRequests,
      concurrency: 1,
    }));
    const redisMs = latency.flatMap((l) => l.redisMs);
    const localMs = latency.flatMap((l) => l.localMs);
    report({
      workers: String(n),
      ...rate,
      redisP50Ms: percentile(redisMs, 50),
      redisP99Ms: percentile(redisMs, 99),
      localP50Ms: percentile(localMs, 50),
      localP99Ms: percentile(localMs, 99),
    });
  }
} finally {
  await redis.stop();
}

const header = [
  "N",
  "requests",
  "elapsed",
  "ideal",
  "achieved (≥ 97 %)",
  "429s (0)",
  "acquire p50 / p99",
  "in-process p50 / p99",
];
const table = rows.map((r) => [
  r.workers,
  String(r.requests),
  `${fmt(r.elapsedS, 1)} s`,
  `${fmt(r.idealS, 1)} s`,
  `${fmt(r.achievedPct, 1)} %`,
  String(r.tooMany),
  `${fmt(r.redisP50Ms, 2)} / ${fmt(r.redisP99Ms, 2)} ms`,
  `${fmt(r.localP50Ms, 3)} / ${fmt(r.localP99Ms, 3)} ms`,
]);
console.log(`\n| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
for (const r of table) console.log(`| ${r.join(" | ")} |`);
mkdirSync("bench/results", { recursive: true });
const file = join("bench/results", `redis-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, redis: version, scale, marginMs, rows }, null, 2)}\n`,
);
console.log(`\nbench:redis: wrote ${file}`);
