/**
 * Bench server, run as a child process so it has its own event loop (and, on 2 cores, its own
 * core when free). Prints `{"port": n}` on stdout, then serves:
 * - GET /api/v1/companies: a small success envelope (overhead runs);
 * - GET /api/v1/records/{id}?page&count: `count` items per page, never a short page;
 * - GET /stats: `{ requests, tooMany }`.
 * With `--limit`, it enforces the vendor's documented limit over SLIDING windows (stricter
 * than fixed ones): at most 5 arrivals in any 1 s and 200 in any 60 s, else 429 (`--scale`
 * shortens both windows).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const limit = process.argv.includes("--limit");
// `--scale N` divides every interval by N (5 per 100 ms and 200 per 6 s at 10), for short runs.
const scaleArg = process.argv.indexOf("--scale");
const scale = scaleArg >= 0 ? Number(process.argv[scaleArg + 1]) : 1;
if (!(scale >= 1)) throw new Error("--scale must be a number >= 1");
const WINDOWS = [
  { limit: 5, intervalMs: 1_000 / scale },
  { limit: 200, intervalMs: 60_000 / scale },
];
const arrivals: number[] = [];
let requests = 0;
let tooMany = 0;

const companies = JSON.stringify({
  success: true,
  data: [
    { id: 37532, title: "Main street", country: "US", city: "Springfield", timezone: "America/New_York" },
    { id: 37533, title: "Second avenue", country: "US", city: "Springfield", timezone: "America/New_York" },
  ],
  meta: { count: 2 },
});

function overLimit(now: number): boolean {
  while (arrivals.length > 0 && now - (arrivals[0] ?? 0) >= 60_000 / scale) arrivals.shift();
  return WINDOWS.some((w) => arrivals.filter((t) => now - t < w.intervalMs).length >= w.limit);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/stats") {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ requests, tooMany }));
    return;
  }
  requests++;
  if (limit) {
    const now = performance.now();
    if (overLimit(now)) {
      tooMany++;
      arrivals.push(now);
      res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
      res.end('{"success":false,"data":null,"meta":{"message":"Too many requests"}}');
      return;
    }
    arrivals.push(now);
  }
  res.setHeader("content-type", "application/json");
  if (url.pathname.startsWith("/api/v1/records/")) {
    const page = Number(url.searchParams.get("page") ?? 1);
    const count = Number(url.searchParams.get("count") ?? 25);
    const data = Array.from({ length: count }, (_, i) => ({
      id: (page - 1) * count + i + 1,
      datetime: "2026-09-21T23:00:00.000-05:00",
    }));
    res.end(JSON.stringify({ success: true, data, meta: { page, total_count: 1e9 } }));
    return;
  }
  res.end(companies);
});

server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
