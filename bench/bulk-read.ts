/**
 * Bulk read (issue 16): N items from a local server that enforces the vendor's limit (5/s and
 * 200/min, sliding), a page-size maximum and a fixed answer delay, read
 * - "new": `paginate(client, path, init)`: the largest page from generated/paging.ts, the pages
 *   after the first requested concurrently once its `meta.total_count` is known;
 * - "old": the callback form's default, 25 a page, one page after another.
 *
 * Requests are compared with the minimum `ceil(N / max)`. Time is compared with the ideal the
 * limit allows: the first page answered when it was, then every other page started as early as
 * the server's windows allow (and not before the first answer, which is where the total comes
 * from), each taking as long as the first; the run ends when the last one is answered.
 * Peak memory is the heap above its level before the run (sampled every 5 ms). The client
 * retries a 429 as it does by default, so a 429 shows as an extra request and a second lost.
 *
 * `scale` divides the windows and the delay (and the client limiter's) by a factor: a quick
 * look, not the figures to quote.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { ALTEGIO_RATE_LIMIT } from "../src/index.js";
import { loadBuiltPackage } from "./load-built-package.js";

export interface BulkCase {
  label: string;
  path:
    | "/records/{location_id}"
    | "/company/{location_id}/clients/search"
    | "/chain/{chain_id}/loyalty/certificate_types";
  /** The operation's maximum, which the server enforces (the same as in openapi.yaml). */
  max: number;
}

export const BULK_CASES: readonly BulkCase[] = [
  { label: "GET /records/{location_id}", path: "/records/{location_id}", max: 1000 },
  { label: "POST …/clients/search", path: "/company/{location_id}/clients/search", max: 200 },
  { label: "GET /chain/…/certificate_types", path: "/chain/{chain_id}/loyalty/certificate_types", max: 100 },
];

export interface BulkResult {
  label: string;
  mode: "new" | "old";
  delayMs: number;
  pageSize: number;
  items: number;
  requests: number;
  minRequests: number;
  elapsedMs: number;
  idealMs: number;
  /** elapsedMs / idealMs: 1 means as fast as the limit allows. */
  ratio: number;
  peakHeapMB: number;
  tooMany: number;
  oversized: number;
  maxInFlight: number;
}

interface Server {
  baseUrl: string;
  stats(): Promise<{ requests: number; tooMany: number; oversized: number; maxInFlight: number }>;
  stop(): void;
}

async function startListServer(args: string[]): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/list-server.ts", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`list server exited with ${code}`)));
  });
  const origin = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
  return {
    baseUrl: `${origin}/api/v1`,
    stats: async () =>
      (await (await fetch(`${origin}/stats`)).json()) as Awaited<ReturnType<Server["stats"]>>,
    stop: () => child.kill("SIGTERM"),
  };
}

/** The finish time of `n` requests, each taking `durationMs`, the first at 0 and the rest from `firstDoneMs`. */
export function idealFinish(n: number, firstDoneMs: number, durationMs: number, scale: number): number {
  const windows = ALTEGIO_RATE_LIMIT.windows.map((w) => ({
    limit: w.limit,
    intervalMs: w.intervalMs / scale,
  }));
  const starts = [0];
  for (let k = 1; k < n; k++) {
    let at = Math.max(firstDoneMs, starts[k - 1] ?? 0);
    for (const w of windows) if (k >= w.limit) at = Math.max(at, (starts[k - w.limit] ?? 0) + w.intervalMs);
    starts.push(at);
  }
  return n === 1 ? firstDoneMs : (starts[n - 1] ?? 0) + durationMs;
}

function heapSampler(): { stop(): number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      return (peak - base) / 2 ** 20;
    },
  };
}

/** One run on a fresh server and a fresh client limiter. */
export async function measureBulkRead(
  bulkCase: BulkCase,
  mode: "new" | "old",
  options: { total: number; delayMs: number; scale: number },
): Promise<BulkResult> {
  const { total, delayMs, scale } = options;
  const server = await startListServer([
    "--total",
    String(total),
    "--max",
    String(bulkCase.max),
    "--delay",
    String(delayMs / scale),
    "--scale",
    String(scale),
  ]);
  try {
    const { createAltegioClient, paginate } = await loadBuiltPackage();
    const client = createAltegioClient({
      partnerToken: "bench-partner",
      userToken: "bench-user",
      baseUrl: server.baseUrl,
      env: {},
      // Windows given explicitly: a fresh limiter for this run (the default one is shared).
      rateLimit: {
        windows: ALTEGIO_RATE_LIMIT.windows.map((w) => ({
          limit: w.limit,
          intervalMs: w.intervalMs / scale,
        })),
        marginMs: ALTEGIO_RATE_LIMIT.marginMs / scale,
      },
      // The client's default retry (429 after Retry-After), POST included: the clients search is
      // a read. A 429 costs a request and a second; the server counts it, the table shows it.
      retry: { methods: ["GET", "POST"] },
    });
    const location = { params: { path: { location_id: 1 } } };
    const items =
      mode === "old"
        ? paginate((page) =>
            client.GET("/records/{location_id}", { params: { path: { location_id: 1 }, query: page } }),
          )
        : bulkCase.path === "/records/{location_id}"
          ? paginate(client, bulkCase.path, location)
          : bulkCase.path === "/company/{location_id}/clients/search"
            ? paginate(client, bulkCase.path, { ...location, body: {} })
            : paginate(client, bulkCase.path, { params: { path: { chain_id: 1 } } });
    const heap = heapSampler();
    const started = performance.now();
    let firstDone = 0;
    let seen = 0;
    for await (const item of items as AsyncIterable<{ id?: number }>) {
      if (seen === 0) firstDone = performance.now() - started;
      if (item.id !== ++seen) throw new Error(`${bulkCase.label} ${mode}: item ${seen} out of order`);
    }
    const elapsedMs = performance.now() - started;
    const peakHeapMB = heap.stop();
    if (seen !== total) throw new Error(`${bulkCase.label} ${mode}: read ${seen} of ${total} items`);
    const stats = await server.stats();
    const idealMs = idealFinish(stats.requests, firstDone, firstDone, scale);
    const pageSize = mode === "old" ? 25 : bulkCase.max;
    return {
      label: mode === "old" ? "GET /records/{location_id}" : bulkCase.label,
      mode,
      delayMs,
      pageSize,
      items: seen,
      requests: stats.requests,
      minRequests: Math.ceil(total / pageSize),
      elapsedMs,
      idealMs,
      ratio: elapsedMs / idealMs,
      peakHeapMB,
      tooMany: stats.tooMany,
      oversized: stats.oversized,
      maxInFlight: stats.maxInFlight,
    };
  } finally {
    server.stop();
  }
}

/** Every case at each delay, the old default first, as table rows. */
export async function runBulkReads(options: {
  total: number;
  delays: readonly number[];
  scale: number;
  log: (line: string) => void;
}): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const delayMs of options.delays) {
    const runs: [BulkCase, "new" | "old"][] = [
      [BULK_CASES[0] as BulkCase, "old"],
      ...BULK_CASES.map((c): [BulkCase, "new"] => [c, "new"]),
    ];
    for (const [bulkCase, mode] of runs) {
      options.log(`  ${mode} ${bulkCase.label}, delay ${delayMs} ms …`);
      const result = await measureBulkRead(bulkCase, mode, {
        total: options.total,
        delayMs,
        scale: options.scale,
      });
      results.push(result);
      options.log(`    ${formatRow(result).join(" | ")}`);
    }
  }
  return results;
}

export const BULK_HEADER = [
  "operation",
  "delay",
  "paging",
  "requests (min)",
  "time",
  "ideal",
  "time/ideal",
  "peak heap",
  "429s",
  "in flight",
];

export function formatRow(r: BulkResult): string[] {
  return [
    r.label,
    `${r.delayMs} ms`,
    r.mode === "old" ? `old: ${r.pageSize}/page, sequential` : `new: ${r.pageSize}/page, concurrent`,
    `${r.requests} (${r.minRequests})`,
    `${(r.elapsedMs / 1000).toFixed(2)} s`,
    `${(r.idealMs / 1000).toFixed(2)} s`,
    `${r.ratio.toFixed(3)}x`,
    `${r.peakHeapMB.toFixed(1)} MB`,
    String(r.tooMany),
    String(r.maxInFlight),
  ];
}
