/**
 * No password or token in any error that login() or the client builds (issue 12), including
 * vendor messages, validation details and response headers that echo them, on every failure
 * path: status errors, non-JSON 2xx, body-read failures, stalled bodies, login's own errors.
 * (test/unit/redaction.test.ts covers the plain paths.)
 */
import type { ServerResponse } from "node:http";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { AltegioLoginError, AltegioNetworkError, isAltegioError, login } from "../../src/index.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { head, type RawServer, startRawServer } from "./support/raw-server.js";
import { PARTNER, testClient, USER } from "./support/test-client.js";

const PASSWORD = "pass-CANARY-31d9e0";
const CANARIES = [PARTNER, USER, PASSWORD];

let servers: (LocalServer | RawServer)[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function serve(handler: Parameters<typeof startServer>[0]) {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}
async function serveRaw(handler: Parameters<typeof startRawServer>[0]) {
  const s = await startRawServer(handler);
  servers.push(s);
  return s;
}

function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    String(e),
    e.message,
    e.stack ?? "",
    JSON.stringify(e),
    inspect(e, { depth: Infinity, showHidden: true }),
    String(e.cause),
    inspect(e.cause, { depth: Infinity, showHidden: true }),
  ];
}

function expectNoCanary(error: unknown): void {
  expect(isAltegioError(error), String(error)).toBe(true);
  for (const text of renderings(error)) {
    for (const canary of CANARIES) expect(text).not.toContain(canary);
  }
}

const loginTo = (s: { baseUrl: string }) =>
  login({
    partnerToken: PARTNER,
    login: "ann@example.com",
    password: PASSWORD,
    baseUrl: s.baseUrl,
    env: {},
    rateLimit: false,
  }).catch((e: unknown) => e);

/** The request body's password, echoed the way a careless backend does. */
function passwordOf(body: string): string {
  return (JSON.parse(body) as { password?: string }).password ?? "";
}

function echoHeaders(auth: string | undefined, password = ""): Record<string, string> {
  return { "x-echo-authorization": String(auth), "x-debug": `login with ${password}` };
}

describe("login() never puts the password or the partner token in an error", () => {
  it("a 422 whose message, validation details and headers echo the password", async () => {
    const s = await serve((req, res) =>
      json(
        res,
        422,
        {
          success: false,
          data: { password: passwordOf(req.body) },
          meta: {
            message: `Password ${passwordOf(req.body)} is not valid`,
            errors: { login: [`no user with password ${passwordOf(req.body)}`] },
          },
        },
        echoHeaders(req.headers.authorization, passwordOf(req.body)),
      ),
    );
    const error = await loginTo(s);
    expect(error).toBeInstanceOf(AltegioLoginError);
    expect((error as AltegioLoginError).vendorMessage).toBe("Password [REDACTED] is not valid");
    expectNoCanary(error);
  });

  it("a 2xx without a token that echoes the Authorization header (headers and body)", async () => {
    const s = await serve((req, res) =>
      json(
        res,
        200,
        { success: true, data: { note: `seen ${req.headers.authorization}`, you_sent: req.body }, meta: [] },
        echoHeaders(req.headers.authorization, passwordOf(req.body)),
      ),
    );
    const error = await loginTo(s);
    expectNoCanary(error);
    expect(JSON.stringify(error)).toContain("[REDACTED]");
  });

  it("a 500 (not a login error) that echoes the password", async () => {
    const s = await serve((req, res) =>
      json(
        res,
        500,
        { success: false, meta: { message: `crashed on ${req.body}` } },
        echoHeaders(req.headers.authorization),
      ),
    );
    expectNoCanary(await loginTo(s));
  });

  it("a non-JSON 2xx that echoes the password", async () => {
    const s = await serve((req, res: ServerResponse) => {
      res.writeHead(200, { "content-type": "text/html", ...echoHeaders(req.headers.authorization) });
      res.end(`<html>${req.body}</html>`);
    });
    expectNoCanary(await loginTo(s));
  });

  it("a body cut short after headers that echo the password", async () => {
    const s = await serveRaw((socket, _i, requestHead) => {
      const auth = /authorization: (.*)/i.exec(requestHead)?.[1];
      socket.end(head("201 Created", { "content-length": 100, ...echoHeaders(auth, PASSWORD) }));
    });
    const error = await loginTo(s);
    expect(error).toBeInstanceOf(AltegioNetworkError);
    expectNoCanary(error);
  });
});

describe("the client never puts a token in an error", () => {
  const get = (s: { baseUrl: string }, options = {}) =>
    testClient(s, { retry: false, ...options })
      .GET("/company/{location_id}", { params: { path: { location_id: 1 } } })
      .catch((e: unknown) => e);

  it("validation details and any header that echo the tokens", async () => {
    const s = await serve((req, res) =>
      json(
        res,
        400,
        { success: false, meta: { message: "Bad", errors: [{ field: String(req.headers.authorization) }] } },
        echoHeaders(req.headers.authorization),
      ),
    );
    expectNoCanary(await get(s));
  });

  it("a success: false 2xx echoing the tokens", async () => {
    const s = await serve((req, res) =>
      json(res, 200, {
        success: false,
        data: [req.headers.authorization],
        meta: { message: String(req.headers.authorization) },
      }),
    );
    expectNoCanary(await get(s));
  });

  it("a non-JSON 2xx (text and parser message) echoing the tokens", async () => {
    const s = await serve((req, res) => {
      res.writeHead(200, { "content-type": "application/json", ...echoHeaders(req.headers.authorization) });
      res.end(`${req.headers.authorization} is not JSON`);
    });
    expectNoCanary(await get(s));
  });

  it("a body-read failure and a stalled body whose headers echo the tokens", async () => {
    const cut = await serveRaw((socket, _i, requestHead) => {
      const auth = /authorization: (.*)/i.exec(requestHead)?.[1];
      socket.end(head("200 OK", { "content-length": 100, ...echoHeaders(auth) }));
    });
    expectNoCanary(await get(cut));
    const stalled = await serveRaw((socket, _i, requestHead) => {
      const auth = /authorization: (.*)/i.exec(requestHead)?.[1];
      socket.write(head("200 OK", { "content-length": 100, ...echoHeaders(auth) }));
    });
    expectNoCanary(await get(stalled, { timeoutMs: 100 }));
  });

  it("an echo split across values is still caught in the whole Authorization value", async () => {
    const s = await serve((req, res) =>
      json(res, 403, ok(null), { "x-auth": String(req.headers.authorization) }),
    );
    const error = await get(s);
    expect(JSON.stringify(error)).not.toContain("Bearer partner");
    expectNoCanary(error);
  });
});
