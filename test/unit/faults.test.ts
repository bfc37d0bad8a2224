/**
 * The client against servers that misbehave the way real networks, proxies and captive portals
 * do (issue 12). Raw sockets (node:net) produce what node:http will not: bodies cut short,
 * sockets destroyed mid-body, status lines that are not HTTP. Every failure must be an
 * AltegioError naming the method and the path template, with the status and headers when a
 * response arrived.
 */

import type { AddressInfo, Socket } from "node:net";
import { createServer } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import {
  AltegioApiError,
  AltegioConfigError,
  AltegioInternalServerError,
  AltegioNetworkError,
  AltegioRateLimitError,
  AltegioTimeoutError,
  isAltegioApiError,
  isAltegioNetworkError,
} from "../../src/index.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { head, jsonResponse, type RawServer, startRawServer } from "./support/raw-server.js";
import { testClient } from "./support/test-client.js";

let raw: RawServer | undefined;
let http: LocalServer | undefined;
afterEach(async () => {
  await raw?.close();
  await http?.close();
  raw = undefined;
  http = undefined;
});

const TEMPLATE = "/company/{location_id}";
const get = (client: ReturnType<typeof testClient>, init: Record<string, unknown> = {}) =>
  client.GET(TEMPLATE, { params: { path: { location_id: 1 } }, ...init });
const post = (client: ReturnType<typeof testClient>) =>
  client.POST("/company/{location_id}/clients/search", {
    params: { path: { location_id: 1 } },
    body: { page: 1 },
  });

const JSON_HEAD = { "content-type": "application/json", "x-request-id": "req-7" };

/** Faults while the body is read: the status and headers arrived, the body did not. */
const BODY_FAULTS: Record<string, (socket: Socket) => void> = {
  "socket destroyed mid-body": (s) => {
    s.write(head("200 OK", { ...JSON_HEAD, "content-length": 100 }));
    s.write('{"success":true,"da');
    setTimeout(() => s.destroy(), 20);
  },
  "FIN right after the headers": (s) => {
    s.end(head("200 OK", { ...JSON_HEAD, "content-length": 100 }));
  },
  "Content-Length larger than the body": (s) => {
    s.end(`${head("200 OK", { ...JSON_HEAD, "content-length": 100 })}{"success":true}`);
  },
  "chunked body that stops": (s) => {
    s.write(head("200 OK", { ...JSON_HEAD, "transfer-encoding": "chunked" }));
    s.write('10\r\n{"success":true,\r\n');
    setTimeout(() => s.end(), 20);
  },
  "connection reset mid-body": (s) => {
    s.write(head("200 OK", { ...JSON_HEAD, "content-length": 100 }));
    s.write('{"success":');
    setTimeout(() => s.resetAndDestroy(), 20);
  },
};

const GOOD = jsonResponse("200 OK", ok({ id: 1 }));

describe("a connection that dies while the body is read", () => {
  for (const [name, fault] of Object.entries(BODY_FAULTS)) {
    it(`${name}: AltegioNetworkError with method, path template, status and headers`, async () => {
      raw = await startRawServer((socket) => fault(socket));
      const error = await get(testClient(raw, { retry: false })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AltegioNetworkError);
      expect(isAltegioNetworkError(error)).toBe(true);
      const e = error as AltegioNetworkError;
      expect(e.method).toBe("GET");
      expect(e.pathTemplate).toBe(TEMPLATE);
      expect(e.status).toBe(200);
      expect(e.headers?.["x-request-id"]).toBe("req-7");
      expect(e.code).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
      expect(e.message).toContain(`GET ${TEMPLATE}`);
      expect(e.message).toContain("200");
    });

    it(`${name}: a GET is retried like any reset`, async () => {
      raw = await startRawServer((socket, i) => (i === 0 ? fault(socket) : socket.end(GOOD)));
      const { data } = await get(testClient(raw));
      expect(data).toEqual(ok({ id: 1 }));
      expect(raw.heads).toHaveLength(2);
    });
  }

  it("a POST is not retried (it may have been processed)", async () => {
    raw = await startRawServer((socket, i) =>
      i === 0 ? BODY_FAULTS["FIN right after the headers"]?.(socket) : socket.end(GOOD),
    );
    const error = await post(testClient(raw)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioNetworkError);
    expect((error as AltegioNetworkError).method).toBe("POST");
    expect((error as AltegioNetworkError).pathTemplate).toBe("/company/{location_id}/clients/search");
    expect(raw.heads).toHaveLength(1);
  });

  it("gzip garbage: AltegioNetworkError with the zlib code, not retried (resending will not fix it)", async () => {
    raw = await startRawServer((socket) =>
      socket.end(
        `${head("200 OK", { ...JSON_HEAD, "content-encoding": "gzip", "content-length": 10 })}not-gzip!!`,
      ),
    );
    const error = await get(testClient(raw)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioNetworkError);
    expect((error as AltegioNetworkError).code).toBe("Z_DATA_ERROR");
    expect((error as AltegioNetworkError).status).toBe(200);
    expect(raw.heads).toHaveLength(1);
  });

  it("a truncated gzip stream is a body-read failure too", async () => {
    const zipped = gzipSync(JSON.stringify(ok("x".repeat(2000))));
    raw = await startRawServer((socket) => {
      socket.write(
        head("200 OK", { ...JSON_HEAD, "content-encoding": "gzip", "content-length": zipped.length }),
      );
      socket.end(zipped.subarray(0, 20));
    });
    const error = await get(testClient(raw, { retry: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioNetworkError);
    expect((error as AltegioNetworkError).status).toBe(200);
  });
});

describe("a 2xx whose body is not JSON", () => {
  it("a captive portal's HTML page on 200: AltegioApiError naming the status and content type", async () => {
    http = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<html><body>Please log in to the hotel Wi-Fi</body></html>");
    });
    const error = await get(testClient(http)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioApiError);
    expect(isAltegioApiError(error)).toBe(true);
    const e = error as AltegioApiError;
    expect(e.status).toBe(200);
    expect(e.method).toBe("GET");
    expect(e.pathTemplate).toBe(TEMPLATE);
    expect(e.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(e.message).toContain("200");
    expect(e.message).toContain("text/html");
    expect(e.body).toContain("hotel Wi-Fi");
    expect(http.requests).toHaveLength(1);
  });

  it("a WAF page on 200 without a content type says so", async () => {
    raw = await startRawServer((socket) =>
      socket.end(`${head("200 OK", { "content-length": 9, connection: "close" })}Blocked!!`),
    );
    const error = await get(testClient(raw)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioApiError);
    expect((error as AltegioApiError).status).toBe(200);
    expect((error as Error).message).toMatch(/no content type/);
  });

  it("a JSON body cut short but consistently framed: AltegioApiError, status 200, application/json", async () => {
    const cut = '{"success":true,"data":{"id":';
    raw = await startRawServer((socket) =>
      socket.end(
        `${head("200 OK", { ...JSON_HEAD, "content-length": cut.length, connection: "close" })}${cut}`,
      ),
    );
    const error = await get(testClient(raw)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioApiError);
    expect((error as AltegioApiError).status).toBe(200);
    expect((error as Error).message).toContain("application/json");
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it("the same over chunked encoding (openapi-fetch's other JSON path)", async () => {
    http = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"success":true,');
      res.end('"data":');
    });
    const error = await get(testClient(http)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioApiError);
    expect((error as AltegioApiError).status).toBe(200);
  });

  it("parseAs: 'text' is left alone (the caller asked for text)", async () => {
    http = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("plain words");
    });
    const { data } = await get(testClient(http), { parseAs: "text" });
    expect(data).toBe("plain words");
  });
});

describe("nearby faults", () => {
  it("a response that never sends headers: AltegioTimeoutError with the path template", async () => {
    raw = await startRawServer(() => undefined);
    const error = await get(testClient(raw, { timeoutMs: 150, retry: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioTimeoutError);
    expect((error as AltegioTimeoutError).pathTemplate).toBe(TEMPLATE);
    expect((error as AltegioTimeoutError).status).toBeUndefined();
  });

  it("headers then a stalled body: AltegioTimeoutError that carries the status", async () => {
    raw = await startRawServer((socket) =>
      socket.write(head("200 OK", { ...JSON_HEAD, "content-length": 50 })),
    );
    const error = await get(testClient(raw, { timeoutMs: 150, retry: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioTimeoutError);
    expect((error as AltegioTimeoutError).status).toBe(200);
    expect((error as AltegioTimeoutError).headers?.["x-request-id"]).toBe("req-7");
  });

  it("a status line that is not HTTP: AltegioNetworkError with the parser's code", async () => {
    raw = await startRawServer((socket) => socket.end("HTTP/1.1 abc\r\n\r\n"));
    const error = await get(testClient(raw, { retry: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioNetworkError);
    expect((error as AltegioNetworkError).code).toBe("HPE_INVALID_STATUS");
    expect((error as AltegioNetworkError).pathTemplate).toBe(TEMPLATE);
    expect((error as AltegioNetworkError).status).toBeUndefined();
  });

  it("a refused connection: AltegioNetworkError with the path template", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const client = testClient({ baseUrl: `http://127.0.0.1:${port}/api/v1` }, { retry: false });
    const error = await get(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioNetworkError);
    expect((error as AltegioNetworkError).code).toBe("ECONNREFUSED");
    expect((error as AltegioNetworkError).pathTemplate).toBe(TEMPLATE);
  });

  it("a timeoutMs past setTimeout's range is refused (it would fire after 1 ms)", () => {
    expect(() => testClient({ baseUrl: "http://127.0.0.1:9/api/v1" }, { timeoutMs: 2 ** 31 })).toThrow(
      AltegioConfigError,
    );
  });

  it("204 with a body: resolves with no data", async () => {
    raw = await startRawServer((socket) =>
      socket.end(`${head("204 No Content", { "content-length": 5, connection: "close" })}hello`),
    );
    const { data, response } = await client204();
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    async function client204() {
      return testClient(raw as RawServer).DELETE(
        "/company/{location_id}/clients/files/{client_id}/{file_id}",
        {
          params: { path: { location_id: 1, client_id: 2, file_id: 3 } },
        },
      );
    }
  });

  it("a 200 with an empty chunked body resolves with no data", async () => {
    http = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end();
    });
    const { data } = await get(testClient(http));
    expect(data).toBeUndefined();
  });

  it("invalid JSON on an error status: the status's subclass with the raw text as body", async () => {
    http = await startServer((_req, res) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end('{"success":false,"meta":');
    });
    const error = await get(testClient(http, { retry: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioInternalServerError);
    expect((error as AltegioApiError).status).toBe(500);
    expect((error as AltegioApiError).body).toBe('{"success":false,"meta":');
  });

  it("an HTML 502 from a proxy: AltegioInternalServerError after the retries", async () => {
    http = await startServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad Gateway</html>");
    });
    const error = await get(testClient(http, { retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AltegioInternalServerError);
    expect((error as AltegioApiError).status).toBe(502);
    expect(http.requests).toHaveLength(2);
  });

  for (const retryAfter of ["999999999", "9".repeat(400), "Fri, 31 Dec 9999 23:59:59 GMT"]) {
    it(`a huge Retry-After (${retryAfter.slice(0, 12)}…) fails at once with the 429, no wait`, async () => {
      http = await startServer((_req, res) =>
        json(res, 429, { success: false, meta: { message: "Slow down" } }, { "retry-after": retryAfter }),
      );
      const started = performance.now();
      const error = await get(testClient(http)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AltegioRateLimitError);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(http.requests).toHaveLength(1);
    });
  }

  it("a Retry-After beyond setTimeout's range is not cut to 1 ms (no hammering)", async () => {
    // 30 days: past 2^31-1 ms, which Node's setTimeout silently turns into 1 ms.
    http = await startServer((_req, res) => json(res, 429, {}, { "retry-after": String(30 * 24 * 3600) }));
    const controller = new AbortController();
    const call = get(testClient(http, { retry: { maxElapsedMs: 40 * 24 * 3600 * 1000 } }), {
      signal: controller.signal,
    }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort(new Error("enough"));
    expect(((await call) as Error).message).toBe("enough");
    expect(http.requests).toHaveLength(1);
  });
});
