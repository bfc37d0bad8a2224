/**
 * A paging run under the DEFAULT limiter (ALTEGIO_RATE_LIMIT: 5/s and 200/min) against a
 * server that enforces exactly that over sliding windows. 1,000 requests take about 5 minutes
 * by construction (200 per minute); set BENCH_PAGING_REQUESTS for a shorter run.
 *
 * "Achieved" compares the run with the fastest schedule the server's rules allow for the same
 * number of requests (a burst of 5/s up to 200, then 200 per 60 s).
 */
import { ALTEGIO_RATE_LIMIT } from "../src/index.js";
import { loadBuiltPackage } from "./load-built-package.js";
import type { BenchServer } from "./start-server.js";

export interface PagingResult {
  requests: number;
  elapsedMs: number;
  idealMs: number;
  /** idealMs / elapsedMs: 1 means as fast as the limit allows. */
  achievedOfLimit: number;
  requestsPerMinute: number;
  tooMany: number;
}

/** Earliest start times of n requests that keep every window (greedy, sliding windows). */
function idealSchedule(n: number): number {
  const t: number[] = [];
  for (let k = 0; k < n; k++) {
    let at = k > 0 ? (t[k - 1] ?? 0) : 0;
    for (const w of ALTEGIO_RATE_LIMIT.windows) {
      if (k >= w.limit) at = Math.max(at, (t[k - w.limit] ?? 0) + w.intervalMs);
    }
    t.push(at);
  }
  return t[n - 1] ?? 0;
}

/**
 * Pages through `n` pages (one request each) with a fresh default limiter.
 *
 * @example
 * const result = await measurePagingRate(server, 1000);
 */
export async function measurePagingRate(server: BenchServer, n: number): Promise<PagingResult> {
  const { createAltegioClient, createRateLimiter, paginate } = await loadBuiltPackage();
  const limiter = createRateLimiter(ALTEGIO_RATE_LIMIT);
  const grants: number[] = [];
  const client = createAltegioClient({
    partnerToken: "bench-partner",
    userToken: "bench-user",
    baseUrl: server.baseUrl,
    env: {},
    // A fresh limiter with the default settings (so earlier bench phases do not count),
    // wrapped only to record when each request was let through.
    rateLimit: {
      acquire: async (signal) => {
        await limiter.acquire(signal);
        grants.push(performance.now());
      },
    },
    // 429s are counted by the server; a retry would hide none of them.
    retry: false,
  });
  const before = await server.stats();
  let items = 0;
  const pages = paginate(
    (page) => client.GET("/records/{location_id}", { params: { path: { location_id: 1 }, query: page } }),
    { pageSize: 5, maxPages: n },
  );
  for await (const _ of pages) items++;
  if (items !== n * 5) throw new Error(`paging run: expected ${n * 5} items, got ${items}`);
  const after = await server.stats();
  const elapsedMs = (grants[grants.length - 1] ?? 0) - (grants[0] ?? 0);
  const idealMs = idealSchedule(grants.length);
  return {
    requests: grants.length,
    elapsedMs,
    idealMs,
    achievedOfLimit: elapsedMs > 0 ? idealMs / elapsedMs : 1,
    requestsPerMinute: elapsedMs > 0 ? ((grants.length - 1) / elapsedMs) * 60_000 : Number.NaN,
    tooMany: after.tooMany - before.tooMany,
  };
}
