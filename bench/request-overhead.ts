/**
 * Per-request time of raw fetch, bare openapi-fetch, and createAltegioClient against the same
 * local server. Our client runs with the RATE LIMITER DISABLED (rateLimit: false): with it on,
 * 5 requests per second would be measured instead of the client.
 *
 * On a shared 2-core machine load comes in waves, so the variants are interleaved in many
 * short rounds (order rotated each round); the ratio reported is the median of per-round
 * ratios, with its interquartile range to show the noise. A second phase runs both clients on
 * an in-memory fetch (no socket), where the client's own cost is not buried in network time:
 * it gives the microseconds our layers add per request.
 */
import createClient from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { loadBuiltPackage } from "./load-built-package.js";
import type { BenchServer } from "./start-server.js";

export interface OverheadResult {
  requestsPerRound: number;
  rounds: number;
  /** Median microseconds per request over the socket. */
  rawFetchUs: number;
  openapiFetchUs: number;
  altegioUs: number;
  /** Median of per-round (ours / bare openapi-fetch), and its quartiles. */
  altegioVsOpenapiFetch: number;
  altegioVsOpenapiFetchQ1: number;
  altegioVsOpenapiFetchQ3: number;
  openapiFetchVsRawFetch: number;
  /** In-memory fetch: µs per request of bare openapi-fetch and of our client. */
  inMemoryOpenapiFetchUs: number;
  inMemoryAltegioUs: number;
  /** Our added µs per request, and what it is relative to a socket request of bare openapi-fetch. */
  addedUs: number;
  addedVsSocketRequest: number;
}

const HEADERS = { Accept: "application/vnd.api.v2+json", Authorization: "Bearer bench-partner" };
const BODY = JSON.stringify({
  success: true,
  data: [{ id: 37532, title: "Main street" }],
  meta: { count: 1 },
});

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)] ?? Number.NaN;

async function interleave(variants: Record<string, () => Promise<unknown>>, n: number, rounds: number) {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (const run of Object.values(variants)) for (let i = 0; i < 200; i++) await run(); // warm-up
  for (let round = 0; round < rounds; round++) {
    const order = Object.keys(variants);
    for (let k = 0; k < round % order.length; k++) order.push(order.shift() as string);
    for (const name of order) {
      const run = variants[name] as () => Promise<unknown>;
      const start = performance.now();
      for (let i = 0; i < n; i++) await run();
      times[name]?.push(((performance.now() - start) * 1000) / n);
    }
  }
  return times;
}

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
  const { createAltegioClient } = await loadBuiltPackage();
  const url = `${server.baseUrl}/companies`;
  const bare = createClient<paths>({ baseUrl: server.baseUrl, headers: HEADERS });
  const ours = createAltegioClient({
    partnerToken: "bench-partner",
    baseUrl: server.baseUrl,
    env: {},
    rateLimit: false,
  });
  const socket = await interleave(
    {
      raw: async () => (await fetch(url, { headers: HEADERS })).json(),
      bare: async () => (await bare.GET("/companies")).data,
      ours: async () => (await ours.GET("/companies")).data,
    },
    n,
    rounds,
  );
  const ratios = (socket.ours ?? []).map((t, i) => t / (socket.bare?.[i] ?? Number.NaN));

  const memoryFetch = async () => new Response(BODY, { headers: { "content-type": "application/json" } });
  const bareMemory = createClient<paths>({ baseUrl: server.baseUrl, headers: HEADERS, fetch: memoryFetch });
  const oursMemory = createAltegioClient({
    partnerToken: "bench-partner",
    baseUrl: server.baseUrl,
    env: {},
    rateLimit: false,
    fetch: memoryFetch,
  });
  const memory = await interleave(
    {
      bare: async () => (await bareMemory.GET("/companies")).data,
      ours: async () => (await oursMemory.GET("/companies")).data,
    },
    2000,
    15,
  );
  const added = (memory.ours ?? []).map((t, i) => t - (memory.bare?.[i] ?? Number.NaN));
  const openapiFetchUs = quantile(socket.bare ?? [], 0.5);
  const addedUs = quantile(added, 0.5);
  return {
    requestsPerRound: n,
    rounds,
    rawFetchUs: quantile(socket.raw ?? [], 0.5),
    openapiFetchUs,
    altegioUs: quantile(socket.ours ?? [], 0.5),
    altegioVsOpenapiFetch: quantile(ratios, 0.5),
    altegioVsOpenapiFetchQ1: quantile(ratios, 0.25),
    altegioVsOpenapiFetchQ3: quantile(ratios, 0.75),
    openapiFetchVsRawFetch: openapiFetchUs / quantile(socket.raw ?? [], 0.5),
    inMemoryOpenapiFetchUs: quantile(memory.bare ?? [], 0.5),
    inMemoryAltegioUs: quantile(memory.ours ?? [], 0.5),
    addedUs,
    addedVsSocketRequest: addedUs / openapiFetchUs,
  };
}
