import { afterEach, describe, expect, it } from "vitest";
import {
  AltegioApiError,
  AltegioAuthenticationError,
  AltegioBadRequestError,
  AltegioError,
  AltegioInsufficientFundsError,
  AltegioInternalServerError,
  AltegioNetworkError,
  AltegioNotFoundError,
  AltegioPermissionDeniedError,
  AltegioRateLimitError,
  AltegioUnprocessableEntityError,
  isAltegioApiError,
  isAltegioError,
  isAltegioNetworkError,
  isAltegioTimeoutError,
} from "../../src/index.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { testClient } from "./support/test-client.js";

let server: LocalServer | undefined;
afterEach(() => server?.close());

async function failWith(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  server = await startServer((_req, res) => json(res, status, body, headers));
  const client = testClient(server, { retry: false });
  return client.GET("/company/{location_id}", { params: { path: { location_id: 7 } } }).then(
    () => {
      throw new Error("expected the call to throw");
    },
    (error: unknown) => error,
  );
}

describe("error envelopes", () => {
  it("envelope (a): success false + meta.message + meta.errors on 422", async () => {
    const error = await failWith(422, {
      success: false,
      data: null,
      meta: { message: "An error has occurred.", errors: [{ field: "title", message: "required" }] },
    });
    expect(error).toBeInstanceOf(AltegioUnprocessableEntityError);
    const e = error as AltegioApiError;
    expect(e.status).toBe(422);
    expect(e.vendorMessage).toBe("An error has occurred.");
    expect(e.validationErrors).toEqual([{ field: "title", message: "required" }]);
    expect(e.method).toBe("GET");
    expect(e.pathTemplate).toBe("/company/{location_id}");
    expect(e.url).toMatch(/\/api\/v1\/company\/7$/);
    expect(e.body).toEqual({
      success: false,
      data: null,
      meta: { message: "An error has occurred.", errors: [{ field: "title", message: "required" }] },
    });
    expect(e.headers["content-type"]).toBe("application/json");
    expect(e.message).toBe(
      "Request failed with status code 422 (An error has occurred.): GET /company/{location_id}",
    );
  });

  it("envelope (a): meta.errors as an object (clients search 400)", async () => {
    const error = (await failWith(400, {
      success: false,
      meta: { message: "Bad filters", errors: { filters: ["unknown type"] } },
    })) as AltegioApiError;
    expect(error).toBeInstanceOf(AltegioBadRequestError);
    expect(error.validationErrors).toEqual({ filters: ["unknown type"] });
  });

  it("envelope (b): errors { code, message } + meta.message (locations)", async () => {
    const error = (await failWith(404, {
      errors: { code: 30, message: "Not found" },
      meta: { message: "Not found" },
    })) as AltegioApiError;
    expect(error).toBeInstanceOf(AltegioNotFoundError);
    expect(error.code).toBe(30);
    expect(error.vendorMessage).toBe("Not found");
  });

  it("success:false on a 2xx is thrown as AltegioApiError with the 2xx status", async () => {
    const error = (await failWith(200, {
      success: false,
      data: null,
      meta: { message: "Nope" },
    })) as AltegioApiError;
    expect(error.constructor).toBe(AltegioApiError);
    expect(error.status).toBe(200);
    expect(error.vendorMessage).toBe("Nope");
  });

  it("envelope (b) on a 2xx is thrown too", async () => {
    const error = (await failWith(200, {
      errors: { code: 5, message: "ENTITY_VALIDATION_ERROR" },
    })) as AltegioApiError;
    expect(isAltegioApiError(error)).toBe(true);
    expect(error.code).toBe(5);
  });

  it("a 2xx whose data merely contains success:false items is not an error", async () => {
    server = await startServer((_req, res) => json(res, 200, ok([{ success: false, id: 1 }])));
    const client = testClient(server);
    const { data } = await client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } });
    expect(data).toEqual(ok([{ success: false, id: 1 }]));
  });

  it("a non-JSON error body is kept as text", async () => {
    const error = (await failWith(502, "oops")) as AltegioApiError;
    expect(error).toBeInstanceOf(AltegioInternalServerError);
    expect(error.body).toBe("oops");
  });

  it.each([
    [400, AltegioBadRequestError],
    [401, AltegioAuthenticationError],
    [402, AltegioInsufficientFundsError],
    [403, AltegioPermissionDeniedError],
    [404, AltegioNotFoundError],
    [422, AltegioUnprocessableEntityError],
    [429, AltegioRateLimitError],
    [500, AltegioInternalServerError],
    [503, AltegioInternalServerError],
    [409, AltegioApiError],
  ])("status %i → %s", async (status, cls) => {
    const error = await failWith(status, { success: false, data: null, meta: { message: "m" } });
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(AltegioApiError);
    expect(error).toBeInstanceOf(AltegioError);
    expect((error as AltegioApiError).name).toBe(cls.name);
  });

  it("401 says to log in again because the vendor regenerates the user token on password change", async () => {
    const error = (await failWith(401, {
      success: false,
      data: null,
      meta: { message: "Authentication needed." },
    })) as Error;
    expect(error.message).toMatch(/Log in again with login\(\).*regenerates the user token.*password/);
  });

  it("402 carries the vendor's insufficient-funds message", async () => {
    const msg = "Insufficient funds on the account. Refill your balance.";
    const error = (await failWith(402, {
      success: false,
      data: null,
      meta: { message: msg },
    })) as AltegioApiError;
    expect(error).toBeInstanceOf(AltegioInsufficientFundsError);
    expect(error.vendorMessage).toBe(msg);
  });

  it("a refused connection throws AltegioNetworkError with the cause", async () => {
    server = await startServer((_req, res) => json(res, 200, ok(1)));
    const baseUrl = server.baseUrl;
    await server.close();
    const client = testClient({ ...server, baseUrl }, { retry: false });
    const error = await client.GET("/companies").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioNetworkError);
    expect(isAltegioNetworkError(error)).toBe(true);
    expect((error as AltegioNetworkError).cause).toBeInstanceOf(Error);
    expect((error as AltegioNetworkError).code).toBe("ECONNREFUSED");
    server = undefined;
  });
});

describe("invalid JSON", () => {
  it("a 2xx JSON response that does not parse throws AltegioApiError (status, content type) with a scrubbed cause", async () => {
    server = await startServer((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`not json ${req.headers.authorization}`);
    });
    const error = await testClient(server)
      .GET("/company/{location_id}", { params: { path: { location_id: 1 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltegioApiError);
    expect((error as AltegioApiError).status).toBe(200);
    expect((error as Error).message).toBe(
      "Request failed with status code 200 (response is not JSON (application/json)): GET /company/{location_id}",
    );
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(String((error as Error).cause)).not.toContain("CANARY");
    expect(String((error as AltegioApiError).body)).not.toContain("CANARY");
  });
});

describe("type guards", () => {
  it("match by name too (an error from another copy of the package)", () => {
    const foreign = Object.assign(new Error("x"), { name: "AltegioNotFoundError" });
    expect(isAltegioApiError(foreign)).toBe(true);
    expect(isAltegioError(foreign)).toBe(true);
    expect(isAltegioTimeoutError(foreign)).toBe(false);
    expect(isAltegioError(new Error("x"))).toBe(false);
    expect(isAltegioError("AltegioError")).toBe(false);
  });
});
