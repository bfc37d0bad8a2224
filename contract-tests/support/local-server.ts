/**
 * A throwaway server on 127.0.0.1 for wire-level tests (header capture, bad bodies): the
 * contract suite's view of the shared test server (test/unit/support/local-server.ts).
 */
import type { IncomingHttpHeaders } from "node:http";
import { startServer } from "../../test/unit/support/local-server.js";

export interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}
export interface LocalServer {
  baseUrl: string;
  seen: Seen[];
  close(): Promise<void>;
}

/**
 * Start a server that answers every request with `answer(request)`.
 *
 * @example
 * const server = await localServer(() => ({ status: 200, body: "{}" }));
 */
export async function localServer(
  answer: (req: Seen) => { status: number; headers?: Record<string, string>; body: string },
): Promise<LocalServer> {
  const seen: Seen[] = [];
  const server = await startServer((req, res) => {
    const s = { method: req.method, url: req.url, headers: req.headers };
    seen.push(s);
    const a = answer(s);
    res.writeHead(a.status, { "content-type": "application/json", ...a.headers });
    res.end(a.body);
  });
  return { baseUrl: server.origin, seen, close: () => server.close() };
}
