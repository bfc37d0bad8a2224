/**
 * Per-request time of raw fetch, bare openapi-fetch, and createAltegioClient against the same
 * local server. On a shared 2-core machine load comes in waves, so the variants are
 * interleaved in many short rounds (order rotated each round) and the ratio reported is the
 * median of the per-round ratios. Our client runs with the RATE LIMITER DISABLED (rateLimit: false): with
 * it on, 5 requests per second would be measured instead of the client.
 */
import createClient from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { createAltegioClient } from "../src/index.js";
import type { BenchServer } from "./start-server.js";

export interface OverheadResult {
  requestsPerRound: number;
  rounds: number;
  /** Median microseconds per request. */
  rawFetchUs: number;
  openapiFetchUs: number;
  altegioUs: number;
  altegioVsOpenapiFetch: number;
  openapiFetchVsRawFetch: number;
}

const HEADERS = { Accept: "application/vnd.api.v2+json", Authorization: "Bearer bench-partner" };

/**
 * Runs `rounds` rounds of `n` sequential requests per variant.
 *
 * @example
 * const result = await measureRequestOverhead(server, 100, 60);
 */
export async function measureRequestOverhead(
  server: BenchServer,
  n: number,
  rounds: number,
): Promise<OverheadResult> {
  const url = `${server.baseUrl}/companies`;
  const bare = createClient<paths>({ baseUrl: server.baseUrl, headers: HEADERS });
  const ours = createAltegioClient({
    partnerToken: "bench-partner",
    baseUrl: server.baseUrl,
    env: {},
    rateLimit: false,
  });
  const variants: Record<string, () => Promise<unknown>> = {
    raw: async () => (await fetch(url, { headers: HEADERS })).json(),
    bare: async () => (await bare.GET("/companies")).data,
    ours: async () => (await ours.GET("/companies")).data,
  };
  const times: Record<string, number[]> = { raw: [], bare: [], ours: [] };
  for (const run of Object.values(variants)) for (let i = 0; i < 200; i++) await run(); // warm-up
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round so none always runs first.
    const order = Object.keys(variants);
    for (let k = 0; k < round % order.length; k++) order.push(order.shift() as string);
    for (const name of order) {
      const run = variants[name] as () => Promise<unknown>;
      const start = performance.now();
      for (let i = 0; i < n; i++) await run();
      times[name]?.push(((performance.now() - start) * 1000) / n);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const raw = median(times.raw ?? []);
  const bareUs = median(times.bare ?? []);
  const oursUs = median(times.ours ?? []);
  // Ratio of medians of per-round ratios is steadier than a ratio of medians under load.
  const ratios = (times.ours ?? []).map((t, i) => t / (times.bare?.[i] ?? Number.NaN));
  return {
    requestsPerRound: n,
    rounds,
    rawFetchUs: raw,
    openapiFetchUs: bareUs,
    altegioUs: oursUs,
    altegioVsOpenapiFetch: median(ratios),
    openapiFetchVsRawFetch: bareUs / raw,
  };
}
