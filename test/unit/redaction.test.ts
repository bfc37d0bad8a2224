import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createAltegioClient, isAltegioError, login } from "../../src/index.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { PARTNER, testClient, USER } from "./support/test-client.js";

const PASSWORD = "password-CANARY-77e1";
const CANARIES = [PARTNER, USER, PASSWORD, "CANARY"];

let server: LocalServer | undefined;
afterEach(() => server?.close());

/** Every way an error gets printed or shipped somewhere. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    String(e),
    e.message,
    e.stack ?? "",
    JSON.stringify(e),
    inspect(e, { depth: Infinity, showHidden: true }),
    inspect({ wrapped: e }, { depth: Infinity }),
  ];
}

function expectNoCanary(error: unknown): void {
  expect(isAltegioError(error)).toBe(true);
  for (const text of renderings(error)) {
    for (const canary of CANARIES) expect(text).not.toContain(canary);
  }
}

/** Captures everything written to the console and stdio while `fn` runs. */
async function captureOutput(fn: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const methods = ["log", "info", "warn", "error", "debug"] as const;
  const saved = methods.map((m) => console[m]);
  process.stdout.write = ((chunk: unknown) => chunks.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown) => chunks.push(String(chunk)) > 0) as typeof process.stderr.write;
  for (const m of methods) console[m] = (...args: unknown[]) => void chunks.push(args.map(String).join(" "));
  try {
    await fn();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    methods.forEach((m, i) => {
      console[m] = saved[i] as (typeof console)[typeof m];
    });
  }
  return chunks.join("\n");
}

describe("credentials never leak", () => {
  it("from an API error whose body and headers echo the Authorization header and a user_token", async () => {
    server = await startServer((req, res) =>
      json(
        res,
        401,
        {
          success: false,
          data: { user_token: USER, echo: req.headers.authorization },
          meta: { message: `Authentication needed for ${req.headers.authorization}` },
        },
        { "x-echo": String(req.headers.authorization), "set-cookie": `s=${USER}` },
      ),
    );
    const error = await testClient(server)
      .GET("/company/{location_id}", { params: { path: { location_id: 1 } } })
      .catch((e: unknown) => e);
    expect(server.requests[0]?.headers.authorization).toContain(PARTNER); // the canary did travel
    expectNoCanary(error);
  });

  it("from a failed login (wrong password), including the request body", async () => {
    server = await startServer((_req, res) =>
      json(res, 401, { success: false, data: null, meta: { message: "Invalid login or password" } }),
    );
    let error: unknown;
    const output = await captureOutput(async () => {
      error = await login({
        partnerToken: PARTNER,
        login: "ann@example.com",
        password: PASSWORD,
        baseUrl: server?.baseUrl,
        env: {},
        rateLimit: false,
      }).catch((e: unknown) => e);
    });
    expect(server.requests[0]?.body).toContain(PASSWORD);
    expectNoCanary(error);
    for (const canary of CANARIES) expect(output).not.toContain(canary);
  });

  it("from network, timeout, missing-user-token and config errors", async () => {
    server = await startServer((_req, res) => {
      setTimeout(() => json(res, 200, ok(1)), 2000);
    });
    const slow = testClient(server, { timeoutMs: 50, retry: false });
    expectNoCanary(await slow.GET("/companies").catch((e: unknown) => e));

    const noUser = testClient(server, { userToken: undefined });
    expectNoCanary(
      await noUser
        .DELETE("/company/{location_id}", { params: { path: { location_id: 1 } } })
        .catch((e: unknown) => e),
    );

    const refused = createAltegioClient({
      partnerToken: PARTNER,
      userToken: USER,
      baseUrl: "http://127.0.0.1:1/api/v1",
      env: {},
      rateLimit: false,
      retry: false,
    });
    expectNoCanary(await refused.GET("/companies").catch((e: unknown) => e));

    for (const bad of [`${PARTNER} x`, `${PARTNER}\n`, `é${PARTNER}`]) {
      let error: unknown;
      try {
        createAltegioClient({ partnerToken: bad, env: {} });
      } catch (e) {
        error = e;
      }
      expectNoCanary(error);
    }
  });

  it("from env-provided tokens with a bad character", () => {
    let error: unknown;
    try {
      createAltegioClient({ env: { ALTEGIO_PARTNER_TOKEN: PARTNER, ALTEGIO_USER_TOKEN: `${USER} ` } });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toMatch(/^userToken: .*ALTEGIO_USER_TOKEN/);
    expectNoCanary(error);
  });
});
