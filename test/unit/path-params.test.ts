/**
 * Path parameters cannot change the path (issue 12): `GET /company/{location_id}/users` with
 * `location_id: ".."` used to reach `/api/v1/users` with the user's credentials. Dot segments,
 * empty or missing values and values with `/` or `\` are refused before any I/O with an
 * AltegioConfigError naming the parameter; `?`, `#`, `%` and the rest are percent-encoded, so
 * they stay inside their segment. `baseUrl` with a query, a fragment or credentials is refused.
 */
import { afterEach, describe, expect, it } from "vitest";
import { AltegioConfigError, createAltegioClient } from "../../src/index.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { testClient } from "./support/test-client.js";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function users(locationId: unknown) {
  server ??= await startServer((_req, res) => json(res, 200, ok([])));
  return testClient(server)
    .GET("/company/{location_id}/users", {
      // biome-ignore lint/suspicious/noExplicitAny: plain JS callers, `as any`, values from a request
      params: { path: { location_id: locationId as any } },
    })
    .then(
      () => "sent",
      (e: unknown) => e,
    );
}

describe("path parameters that would change the path are refused before I/O", () => {
  const refused: [string, unknown][] = [
    ["..", ".."],
    [".", "."],
    ["empty string", ""],
    ["a slash", "1/../../users"],
    ["a trailing slash", "1/"],
    ["a backslash", "1\\..\\x"],
    ["undefined", undefined],
    ["null", null],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["an object", { id: 1 }],
    ["an array", [1, 2]],
    ["a lone surrogate", "\uD800"],
  ];
  for (const [name, value] of refused) {
    it(`${name}: AltegioConfigError naming params.path.location_id, nothing sent`, async () => {
      const error = await users(value);
      expect(error).toBeInstanceOf(AltegioConfigError);
      expect((error as AltegioConfigError).option).toBe("params.path.location_id");
      expect((error as Error).message).toMatch(/^params\.path\.location_id: /);
      expect(server?.requests).toHaveLength(0);
    });
  }

  it("a call without params at all is refused too (the template would be sent as is)", async () => {
    server = await startServer((_req, res) => json(res, 200, ok([])));
    // biome-ignore lint/suspicious/noExplicitAny: a plain JS caller that forgot params
    const error = await (testClient(server) as any)
      .GET("/company/{location_id}/users")
      .catch((e: unknown) => e);
    expect((error as AltegioConfigError).option).toBe("params.path.location_id");
    expect(server.requests).toHaveLength(0);
  });

  it("the message says what is wrong without repeating the value", async () => {
    const error = await users("..");
    expect((error as Error).message).toBe(
      "params.path.location_id: must not be empty, '.' or '..', nor contain '/' or '\\' (it would change the path of GET /company/{location_id}/users)",
    );
  });
});

describe("other characters are encoded and stay inside their segment", () => {
  const encoded: [unknown, string][] = [
    ["1?admin=1", "1%3Fadmin%3D1"],
    ["1#frag", "1%23frag"],
    ["%2e%2e", "%252e%252e"],
    ["...", "..."],
    [".hidden", ".hidden"],
    ["a b", "a%20b"],
    [37532, "37532"],
    ["+13155550175", "%2B13155550175"],
  ];
  for (const [value, sent] of encoded) {
    it(`${JSON.stringify(value)} is sent as /company/${sent}/users`, async () => {
      expect(await users(value)).toBe("sent");
      expect(server?.requests[0]?.url).toBe(`/api/v1/company/${sent}/users`);
    });
  }
});

describe("baseUrl", () => {
  const refused = [
    ["a query", "http://127.0.0.1:4010/api/v1?x=1"],
    ["an empty query", "http://127.0.0.1:4010/api/v1?"],
    ["a fragment", "http://127.0.0.1:4010/api/v1#top"],
    ["credentials", "http://user:secret@127.0.0.1:4010/api/v1"],
    ["a user name only", "http://user@127.0.0.1:4010/api/v1"],
  ] as const;
  for (const [name, baseUrl] of refused) {
    it(`with ${name} is refused`, () => {
      let error: unknown;
      try {
        createAltegioClient({ partnerToken: "p-token", baseUrl, env: {} });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AltegioConfigError);
      expect((error as AltegioConfigError).option).toBe("baseUrl");
      expect((error as Error).message).not.toContain("secret");
    });
  }

  it("from ALTEGIO_BASE_URL is checked the same way", () => {
    expect(() =>
      createAltegioClient({
        partnerToken: "p-token",
        env: { ALTEGIO_BASE_URL: "https://api.alteg.io/api/v1?debug=1" },
      }),
    ).toThrow(AltegioConfigError);
  });

  it("a trailing slash is still fine", async () => {
    server = await startServer((_req, res) => json(res, 200, ok([])));
    await testClient({ baseUrl: `${server.baseUrl}/` }).GET("/companies");
    expect(server.requests[0]?.url).toBe("/api/v1/companies");
  });
});
