import { beforeEach, describe, expect, it } from "vitest";
import { CampaignInputError, IdempotencyRegistry, sendSmsCampaign } from "../../../src/campaigns/index.js";
import { AltegioPermissionDeniedError } from "../../../src/index.js";
import { accepted, clientFor, useLocalServer } from "./local-server.js";

let total = 42;
const server = useLocalServer((req) =>
  req.method === "GET"
    ? { status: 200, json: { success: true, data: [], meta: { page: 1, total_count: total } } }
    : accepted,
);
beforeEach(() => {
  total = 42;
});

describe("maxRecipients", () => {
  it("counts a filter's audience first and sends when it is within the cap", async () => {
    const result = await sendSmsCampaign(clientFor(server.baseUrl), 3, {
      audience: { filter: { phone: "1" } },
      text: "Hi",
      maxRecipients: 42,
    });
    expect(result.ok).toBe(true);
    expect(result.audienceSize).toBe(42);
    expect(server.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "GET /clients/3?phone=1&page=1&count=1",
      "POST /sms/clients/by_filter/3?phone=1",
    ]);
  });

  it("refuses a filter that matches more clients than the cap, and sends nothing", async () => {
    total = 5000;
    const registry = new IdempotencyRegistry();
    const error = await sendSmsCampaign(clientFor(server.baseUrl), 3, {
      audience: { filter: { phone: "1" } },
      text: "Hi",
      maxRecipients: 500,
      idempotencyKey: "k",
      idempotencyRegistry: registry,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CampaignInputError);
    expect((error as CampaignInputError).message).toMatch(
      /5000 clients, more than maxRecipients 500; nothing was sent/,
    );
    expect(server.posts()).toHaveLength(0);
    expect(registry.has("k")).toBe(false);
  });

  it("sends nothing when the audience cannot be counted", async () => {
    server.handle(() => ({
      status: 403,
      json: { success: false, data: null, meta: { message: "Access denied." } },
    }));
    await expect(
      sendSmsCampaign(clientFor(server.baseUrl), 3, {
        audience: { allClients: true },
        text: "Hi",
        maxRecipients: 10,
      }),
    ).rejects.toBeInstanceOf(AltegioPermissionDeniedError);
    expect(server.posts()).toHaveLength(0);
  });

  it("checks client ids against the cap without a request", async () => {
    await expect(
      sendSmsCampaign(clientFor(server.baseUrl), 3, {
        audience: { clientIds: [1, 2, 3] },
        text: "Hi",
        maxRecipients: 2,
      }),
    ).rejects.toThrow(/3 clients, more than maxRecipients 2/);
    expect(server.seen).toHaveLength(0);
  });

  it("refuses a nonsensical cap", async () => {
    await expect(
      sendSmsCampaign(clientFor(server.baseUrl), 3, {
        audience: { clientIds: [1] },
        text: "Hi",
        maxRecipients: 0,
      }),
    ).rejects.toThrow(/maxRecipients: must be a positive integer/);
    expect(server.seen).toHaveLength(0);
  });
});
