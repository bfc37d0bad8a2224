/**
 * Type tests (vitest typecheck): the client is typed from generated/schema.ts, so a wrong
 * path, parameter or body does not compile.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  type AltegioApiError,
  type AltegioClient,
  createAltegioClient,
  isAltegioApiError,
  type LoginChallenge,
  type LoginSuccess,
  login,
  paginate,
} from "../../src/index.js";

declare const client: AltegioClient;

describe("createAltegioClient", () => {
  it("returns an AltegioClient; options are typed", () => {
    expectTypeOf(createAltegioClient({ partnerToken: "p" })).toEqualTypeOf<AltegioClient>();
    createAltegioClient({
      partnerToken: "p",
      retry: { retries: 2, methods: ["GET"] },
      rateLimit: false,
      timeoutMs: false,
    });
    // @ts-expect-error retry methods are HTTP method names
    createAltegioClient({ partnerToken: "p", retry: { methods: ["FETCH"] } });
    // @ts-expect-error timeoutMs is a number or false
    createAltegioClient({ partnerToken: "p", timeoutMs: "5s" });
    // @ts-expect-error unknown option
    createAltegioClient({ partnerToken: "p", token: "x" });
  });
});

describe("paths, parameters and bodies", () => {
  it("types GET /company/{location_id}", async () => {
    const { data } = await client.GET("/company/{location_id}", { params: { path: { location_id: 37532 } } });
    expectTypeOf(data).not.toBeAny();
    expectTypeOf<NonNullable<typeof data>>().toHaveProperty("data");
  });

  it("rejects a path that does not exist", () => {
    // @ts-expect-error no such path
    void client.GET("/company/{id}/nope", {});
    // @ts-expect-error /auth has no GET
    void client.GET("/auth");
  });

  it("rejects a missing or wrongly typed path parameter", () => {
    // @ts-expect-error location_id is required
    void client.GET("/company/{location_id}", { params: { path: {} } });
    // @ts-expect-error location_id is a number
    void client.GET("/company/{location_id}", { params: { path: { location_id: "37532" } } });
    // @ts-expect-error params are required
    void client.GET("/company/{location_id}");
  });

  it("rejects an unknown or wrongly typed query parameter", () => {
    void client.GET("/records/{location_id}", {
      params: { path: { location_id: 1 }, query: { page: 1, count: 50 } },
    });
    void client.GET("/records/{location_id}", {
      // @ts-expect-error count is a number
      params: { path: { location_id: 1 }, query: { count: "50" } },
    });
    void client.GET("/records/{location_id}", {
      // @ts-expect-error no such query parameter
      params: { path: { location_id: 1 }, query: { pages: 1 } },
    });
  });

  it("rejects a wrong body", () => {
    void client.POST("/auth", { body: { login: "a", password: "b" } });
    // @ts-expect-error password is required
    void client.POST("/auth", { body: { login: "a" } });
    // @ts-expect-error login is a string
    void client.POST("/auth", { body: { login: 1, password: "b" } });
    // @ts-expect-error body is required
    void client.POST("/auth", {});
  });
});

describe("errors, login, paginate", () => {
  it("narrows with the type guards", () => {
    const e: unknown = new Error();
    if (isAltegioApiError(e)) {
      expectTypeOf(e).toEqualTypeOf<AltegioApiError>();
      expectTypeOf(e.status).toEqualTypeOf<number>();
      expectTypeOf(e.pathTemplate).toEqualTypeOf<string>();
    }
  });

  it("login resolves to a success or a 2FA challenge", async () => {
    const result = await login({ partnerToken: "p", login: "a", password: "b" });
    expectTypeOf(result).toEqualTypeOf<LoginSuccess | LoginChallenge>();
    if (result.status === "two-factor-required")
      expectTypeOf(result.complete).returns.resolves.toEqualTypeOf<LoginSuccess>();
    else expectTypeOf(result.userToken).toEqualTypeOf<string>();
    // @ts-expect-error password is required
    void login({ partnerToken: "p", login: "a" });
  });

  it("paginate yields the items of the operation's data array", async () => {
    const pages = paginate((page) =>
      client.GET("/records/{location_id}", { params: { path: { location_id: 1 }, query: page } }),
    );
    for await (const item of pages) {
      expectTypeOf(item).not.toBeAny();
      expectTypeOf(item).toHaveProperty("id");
    }
    // page_size style gives { page, page_size }
    paginate(
      (page) => {
        expectTypeOf(page).toEqualTypeOf<{ page: number } & { page_size: number }>();
        return client.POST("/company/{location_id}/clients/search", {
          params: { path: { location_id: 1 } },
          body: page,
        });
      },
      { sizeParam: "page_size" },
    );
    // @ts-expect-error GET /company/{location_id} returns an object, not a list
    paginate(() => client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } }));
  });
});

describe("thrown errors in the types", () => {
  it("a resolved call has data (the error branch is thrown, not returned)", async () => {
    const result = await client.GET("/company/{location_id}", { params: { path: { location_id: 1 } } });
    expectTypeOf(result.data).not.toBeUndefined();
    expectTypeOf(result.data).toHaveProperty("data");
    // openapi-fetch's error branch is gone: `error` can only be absent.
    expectTypeOf(result.error).toEqualTypeOf<undefined>();
    expectTypeOf(result.response).toEqualTypeOf<Response>();
  });
});
