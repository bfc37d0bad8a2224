import { describe, expect, it } from "vitest";
import { IdempotencyRegistry, sendEmailCampaign, sendSmsCampaign } from "../../../src/campaigns/index.js";
import { accepted, clientFor, PARTNER_TOKEN, USER_TOKEN, useLocalServer } from "./local-server.js";

const server = useLocalServer((req) =>
  req.method === "GET"
    ? {
        status: 200,
        json: { success: true, data: [{ id: 1, name: "John" }], meta: { page: 1, total_count: 42 } },
      }
    : accepted,
);

describe("dry run", () => {
  it("sends nothing for client ids and returns every chunk's exact request", async () => {
    const client = clientFor(server.baseUrl);
    const preview = await sendSmsCampaign(client, 9, {
      audience: { clientIds: [1, 2, 3, 3] },
      text: "Sale €5!",
      chunkSize: 2,
      dryRun: true,
    });
    expect(server.seen).toHaveLength(0);
    expect(preview).toMatchObject({
      dryRun: true,
      channel: "sms",
      audience: "clientIds",
      matchingClients: 3,
    });
    expect(preview.duplicatesRemoved).toBe(1);
    expect(preview.requests).toHaveLength(2);
    expect(preview.requests[0]).toMatchObject({
      method: "POST",
      pathTemplate: "/sms/clients/by_id/{location_id}",
      url: `${server.baseUrl}/sms/clients/by_id/9`,
      query: {},
      body: { client_ids: [1, 2], text: "Sale €5!" },
      clientIds: [1, 2],
    });
    expect(preview.requests[1]?.body).toEqual({ client_ids: [3], text: "Sale €5!" });
    expect(preview.requests[0]?.headers.accept).toContain("application/vnd.api.v2+json");
    expect(preview.sms).toMatchObject({ encoding: "GSM-7", units: 9, segments: 1 });
  });

  it("never shows the Authorization value or any token", async () => {
    const client = clientFor(server.baseUrl);
    const preview = await sendSmsCampaign(client, 9, {
      audience: { clientIds: [1] },
      text: "Hi",
      dryRun: true,
    });
    expect(Object.keys(preview.requests[0]?.headers ?? {}).map((h) => h.toLowerCase())).not.toContain(
      "authorization",
    );
    const dump = JSON.stringify(preview);
    expect(dump).not.toContain(PARTNER_TOKEN);
    expect(dump).not.toContain(USER_TOKEN);
  });

  it("for a filter: the exact by_filter request, and the matching count from the client list", async () => {
    const client = clientFor(server.baseUrl);
    const preview = await sendEmailCampaign(client, 9, {
      audience: { filter: { fullname: "Joh", email: "test@" } },
      subject: "Important!",
      text: "Dear clients",
      dryRun: true,
    });
    expect(server.posts()).toHaveLength(0);
    // The only request: the count, with the same filters, one client per page.
    expect(server.seen.map((s) => [s.method, s.path, s.query])).toEqual([
      ["GET", "/clients/9", { fullname: "Joh", email: "test@", page: "1", count: "1" }],
    ]);
    expect(preview.matchingClients).toBe(42);
    expect(preview.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        url: `${server.baseUrl}/email/clients/by_filter/9?fullname=Joh&email=test%40`,
        query: { fullname: "Joh", email: "test@" },
        body: { subject: "Important!", text: "Dear clients" },
        clientIds: null,
      }),
    ]);
  });

  it("for allClients: counts the whole database", async () => {
    const client = clientFor(server.baseUrl);
    const preview = await sendSmsCampaign(client, 9, {
      audience: { allClients: true },
      text: "Hi",
      dryRun: true,
    });
    expect(server.seen.map((s) => [s.method, s.url])).toEqual([["GET", "/clients/9?page=1&count=1"]]);
    expect(preview).toMatchObject({ audience: "allClients", matchingClients: 42 });
    expect(preview.requests[0]?.url).toBe(`${server.baseUrl}/sms/clients/by_filter/9`);
  });

  it("still previews when the count fails, and says why", async () => {
    const client = clientFor(server.baseUrl);
    server.handle(() => ({
      status: 403,
      json: { success: false, data: null, meta: { message: "Access denied." } },
    }));
    const preview = await sendSmsCampaign(client, 9, {
      audience: { filter: { phone: "1315" } },
      text: "Hi",
      dryRun: true,
    });
    expect(preview.matchingClients).toBeNull();
    expect(preview.countError).toMatch(/403.*Access denied/);
    expect(server.posts()).toHaveLength(0);
  });

  it("still refuses an empty filter (a dry run is not a way around the guard)", async () => {
    const client = clientFor(server.baseUrl);
    await expect(
      sendSmsCampaign(client, 9, { audience: { filter: {} }, text: "Hi", dryRun: true }),
    ).rejects.toThrow(/ENTIRE client database/);
    expect(server.seen).toHaveLength(0);
  });

  it("does not spend the idempotency key, and tells whether it is already spent", async () => {
    const client = clientFor(server.baseUrl);
    const registry = new IdempotencyRegistry();
    const options = {
      audience: { clientIds: [1] },
      text: "Hi",
      idempotencyKey: "k",
      idempotencyRegistry: registry,
    };
    expect((await sendSmsCampaign(client, 9, { ...options, dryRun: true })).idempotencyKeyUsed).toBe(false);
    expect(registry.has("k")).toBe(false);
    await sendSmsCampaign(client, 9, options);
    expect((await sendSmsCampaign(client, 9, { ...options, dryRun: true })).idempotencyKeyUsed).toBe(true);
    expect(server.posts()).toHaveLength(1);
  });
});
