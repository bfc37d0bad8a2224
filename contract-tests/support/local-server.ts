/** A throwaway node:http server on 127.0.0.1 for wire-level tests (header capture, bad bodies). */
import { createServer, type IncomingHttpHeaders } from "node:http";

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

export function localServer(
  answer: (req: Seen) => { status: number; headers?: Record<string, string>; body: string },
): Promise<LocalServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const s = { method: req.method ?? "", url: req.url ?? "", headers: req.headers };
      seen.push(s);
      const a = answer(s);
      res.writeHead(a.status, { "content-type": "application/json", ...a.headers });
      res.end(a.body);
    });
  });
  return new Promise((ok) => {
    server.listen(0, "127.0.0.1", () => {
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      ok({
        baseUrl: `http://127.0.0.1:${port}`,
        seen,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
