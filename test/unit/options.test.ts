import { afterEach, describe, expect, it } from "vitest";
import { AltegioConfigError, createAltegioClient, DEFAULT_BASE_URL } from "../../src/index.js";
import { resolveOptions } from "../../src/resolve-options.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";

let server: LocalServer | undefined;
afterEach(() => server?.close());

function configError(fn: () => unknown): AltegioConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AltegioConfigError);
    return error as AltegioConfigError;
  }
  throw new Error("expected an AltegioConfigError");
}

describe("options", () => {
  it("defaults the base URL to production", () => {
    expect(DEFAULT_BASE_URL).toBe("https://api.alteg.io/api/v1");
    expect(resolveOptions({ partnerToken: "p", env: {} }).baseUrl).toBe(DEFAULT_BASE_URL);
  });

  it("fills absent options from ALTEGIO_PARTNER_TOKEN, ALTEGIO_USER_TOKEN, ALTEGIO_BASE_URL", async () => {
    server = await startServer((_req, res) => json(res, 200, ok(1)));
    const client = createAltegioClient({
      rateLimit: false,
      env: {
        ALTEGIO_PARTNER_TOKEN: "envp",
        ALTEGIO_USER_TOKEN: "envu",
        ALTEGIO_BASE_URL: `${server.baseUrl}/`,
      },
    });
    await client.DELETE("/company/{location_id}", { params: { path: { location_id: 3 } } });
    expect(server.requests[0]?.url).toBe("/api/v1/company/3");
    expect(server.requests[0]?.headers.authorization).toBe("Bearer envp, User envu");
  });

  it("explicit options win over env", () => {
    const r = resolveOptions({
      partnerToken: "p",
      baseUrl: "http://x.test/api/v1",
      env: { ALTEGIO_PARTNER_TOKEN: "e", ALTEGIO_BASE_URL: "http://y.test" },
    });
    expect(r.partnerToken).toBe("p");
    expect(r.baseUrl).toBe("http://x.test/api/v1");
  });

  it.each([
    [{ env: {} }, "partnerToken", /required.*ALTEGIO_PARTNER_TOKEN/],
    [{ partnerToken: 5, env: {} }, "partnerToken", /string/],
    [{ partnerToken: "p", baseUrl: "api.alteg.io", env: {} }, "baseUrl", /absolute/],
    [{ partnerToken: "p", baseUrl: "ftp://x", env: {} }, "baseUrl", /http/],
    [{ partnerToken: "p", baseUrl: "https://u:pw@x.test", env: {} }, "baseUrl", /credentials/],
    [{ partnerToken: "p", fetch: "no", env: {} }, "fetch", /function/],
    [{ partnerToken: "p", timeoutMs: -1, env: {} }, "timeoutMs", /positive/],
    [{ partnerToken: "p", timeoutMs: "5s", env: {} }, "timeoutMs", /positive/],
    [{ partnerToken: "p", retry: 3, env: {} }, "retry", /object/],
    [{ partnerToken: "p", retry: { retries: -1 }, env: {} }, "retry.retries", />= 0/],
    [{ partnerToken: "p", retry: { retries: 1.5 }, env: {} }, "retry.retries", /integer/],
    [{ partnerToken: "p", retry: { methods: "GET" }, env: {} }, "retry.methods", /array/],
    [{ partnerToken: "p", rateLimit: 5, env: {} }, "rateLimit", /RateLimiter/],
    [{ partnerToken: "p", rateLimit: { windows: [] }, env: {} }, "rateLimit.windows", /non-empty/],
    [
      { partnerToken: "p", rateLimit: { windows: [{ limit: 0, intervalMs: 1 }] }, env: {} },
      "rateLimit.windows[0].limit",
      />= 1/,
    ],
    [{ partnerToken: "p", rateLimit: { acquire: 1 }, env: {} }, "rateLimit.acquire", /function/],
  ])("rejects %j naming %s", (options, option, message) => {
    const error = configError(() => createAltegioClient(options as never));
    expect(error.option).toBe(option);
    expect(error.message.startsWith(`${option}: `)).toBe(true);
    expect(error.message).toMatch(message);
  });

  it("rejects a bad per-call retry option before sending", async () => {
    server = await startServer((_req, res) => json(res, 200, ok(1)));
    const client = createAltegioClient({
      partnerToken: "p",
      baseUrl: server.baseUrl,
      env: {},
      rateLimit: false,
    });
    await expect(client.GET("/companies", { retry: { retries: "x" } })).rejects.toThrow(/^retry.retries: /);
    expect(server.requests).toHaveLength(0);
  });
});
