/**
 * Bulk-read bench server, a child process (its own event loop). Serves one list of `--total`
 * items on the paged operations the bench reads, as the vendor would:
 * - GET  /api/v1/records/{id}?page&count and GET /api/v1/chain/{id}/loyalty/certificate_types?page&page_size,
 *   POST /api/v1/company/{id}/clients/search with {page, page_size} in the body;
 * - a page size above `--max` is refused (400, counted as `oversized`), none sent means 25;
 * - `meta.total_count` on every page; answers after `--delay` ms;
 * - the vendor's limit over SLIDING windows: at most 5 arrivals in any 1 s and 200 in any 60 s
 *   (each interval divided by `--scale`), else 429 (counted as `tooMany`);
 * - GET /stats: `{ requests, tooMany, oversized, maxInFlight }` (not limited, not counted).
 * Prints `{"port": n}` on stdout when listening.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number >= 0`);
  return value;
};
const total = arg("total", 5000);
const max = arg("max", 1000);
const delayMs = arg("delay", 0);
const scale = arg("scale", 1);
const WINDOWS = [
  { limit: 5, intervalMs: 1_000 / scale },
  { limit: 200, intervalMs: 60_000 / scale },
];
const arrivals: number[] = [];
const stats = { requests: 0, tooMany: 0, oversized: 0, maxInFlight: 0 };
let inFlight = 0;

function overLimit(now: number): boolean {
  const longest = Math.max(...WINDOWS.map((w) => w.intervalMs));
  while (arrivals.length > 0 && now - (arrivals[0] ?? 0) >= longest) arrivals.shift();
  return WINDOWS.some((w) => arrivals.filter((t) => now - t < w.intervalMs).length >= w.limit);
}

function page(pageNumber: number, size: number): string {
  const first = (pageNumber - 1) * size;
  const data = [];
  for (let id = first + 1; id <= Math.min(first + size, total); id++) {
    data.push({ id, datetime: "2026-09-21T23:00:00.000-05:00", client: { id: id % 97, name: "Client" } });
  }
  return JSON.stringify({ success: true, data, meta: { page: pageNumber, total_count: total } });
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/stats") {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(stats));
    return;
  }
  // The arrival is when the request line came in, as a server counting requests sees it.
  const now = performance.now();
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    stats.requests++;
    const limited = overLimit(now);
    arrivals.push(now);
    if (limited) {
      stats.tooMany++;
      res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
      res.end('{"success":false,"data":null,"meta":{"message":"Too many requests"}}');
      return;
    }
    const body =
      chunks.length > 0
        ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>)
        : {};
    const read = (name: string) => Number(url.searchParams.get(name) ?? body[name] ?? Number.NaN);
    const size = [read("count"), read("page_size")].find((n) => !Number.isNaN(n)) ?? 25;
    const pageNumber = Number.isNaN(read("page")) ? 1 : read("page");
    inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.setHeader("content-type", "application/json");
      if (size > max) {
        stats.oversized++;
        res.statusCode = 400;
        res.end(JSON.stringify({ success: false, data: null, meta: { message: `page size above ${max}` } }));
        return;
      }
      res.end(page(pageNumber, size));
    }, delayMs);
  });
});

server.keepAliveTimeout = 120_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
