import { afterEach, describe, expect, it } from "vitest";
import {
  AltegioConfigError,
  AltegioInternalServerError,
  AltegioLoginError,
  isAltegioApiError,
  login,
} from "../../src/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";
import { PARTNER } from "./support/test-client.js";

let server: LocalServer | undefined;
afterEach(() => server?.close());

const USER = {
  id: 123456,
  name: "James Smith",
  phone: "+13155550175",
  login: "j.smith",
  email: "j@example.com",
};

function opts(s: LocalServer) {
  return {
    partnerToken: PARTNER,
    login: "j@example.com",
    password: "pw",
    baseUrl: s.baseUrl,
    env: {},
    rateLimit: false as const,
  };
}

describe("login", () => {
  it("POSTs /auth with Bearer <partner> and returns the user token and the user (201)", async () => {
    server = await startServer((_req, res) =>
      json(res, 201, { success: true, data: { ...USER, user_token: "tok-1" }, meta: [] }),
    );
    const result = await login(opts(server));
    expect(result).toEqual({ status: "authorized", userToken: "tok-1", user: USER });
    const req = server.requests[0];
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/api/v1/auth");
    expect(req?.headers.authorization).toBe(`Bearer ${PARTNER}`);
    expect(req?.headers.accept).toBe("application/vnd.api.v2+json");
    expect(JSON.parse(req?.body ?? "")).toEqual({ login: "j@example.com", password: "pw" });
  });

  it("returns a typed 2FA challenge on HTTP 200 with data.uuid, and complete(code) finishes it", async () => {
    server = await startServer((_req, res, i) =>
      i === 0
        ? json(res, 200, { success: true, data: { uuid: "u-42", message: "Code sent by SMS" }, meta: [] })
        : json(res, 201, { success: true, data: { ...USER, user_token: "tok-2" }, meta: [] }),
    );
    const result = await login(opts(server));
    if (result.status !== "two-factor-required")
      throw new Error(`expected a challenge, got ${result.status}`);
    expect(result.uuid).toBe("u-42");
    expect(result.message).toBe("Code sent by SMS");
    const done = await result.complete("1234");
    expect(done.userToken).toBe("tok-2");
    // The second step repeats the credentials with the challenge (openapi.yaml: authorize_user_request.2fa).
    expect(JSON.parse(server.requests[1]?.body ?? "")).toEqual({
      login: "j@example.com",
      password: "pw",
      "2fa": { uuid: "u-42", secret: "1234" },
    });
  });

  it("wrong credentials reject with AltegioLoginError (status and vendor message kept)", async () => {
    server = await startServer((_req, res) =>
      json(res, 401, { success: false, data: null, meta: { message: "Invalid login or password" } }),
    );
    const error = await login(opts(server)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioLoginError);
    expect(isAltegioApiError(error)).toBe(true);
    expect((error as AltegioLoginError).status).toBe(401);
    expect((error as AltegioLoginError).vendorMessage).toBe("Invalid login or password");
  });

  it("a vendor failure is not a login error, and POST /auth is never retried", async () => {
    server = await startServer((_req, res) => json(res, 503, { success: false, meta: { message: "down" } }));
    await expect(login(opts(server))).rejects.toBeInstanceOf(AltegioInternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("an answer with neither token nor uuid is an error", async () => {
    server = await startServer((_req, res) => json(res, 201, { success: true, data: {}, meta: [] }));
    await expect(login(opts(server))).rejects.toThrow(/status code 201/);
  });

  it("refuses an empty password before any request", async () => {
    server = await startServer((_req, res) => json(res, 201, {}));
    await expect(login({ ...opts(server), password: "" })).rejects.toBeInstanceOf(AltegioConfigError);
    expect(server.requests).toHaveLength(0);
  });
});
