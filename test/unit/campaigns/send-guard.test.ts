import { describe, expect, it } from "vitest";
import {
  CampaignInputError,
  IdempotencyRegistry,
  sendEmailCampaign,
  sendSmsCampaign,
} from "../../../src/campaigns/index.js";
import { accepted, clientFor, useLocalServer } from "./local-server.js";

const server = useLocalServer(() => accepted);

async function refused(promise: Promise<unknown>): Promise<CampaignInputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CampaignInputError);
  return error as CampaignInputError;
}

describe("refusals happen before any request", () => {
  it.each([
    ["an empty filter", { filter: {} }],
    ["an all-blank filter", { filter: { fullname: " ", phone: "", email: "\t", card: "  " } }],
  ])("SMS: refuses %s and the server sees nothing", async (_, audience) => {
    const client = clientFor(server.baseUrl);
    const e = await refused(sendSmsCampaign(client, 1, { audience, text: "Hi" }));
    expect(e.message).toMatch(/ENTIRE client database/);
    expect(server.seen).toHaveLength(0);
  });

  it("email: refuses an empty filter, a missing subject and a blank text without a request", async () => {
    const client = clientFor(server.baseUrl);
    await refused(sendEmailCampaign(client, 1, { audience: { filter: {} }, subject: "S", text: "T" }));
    const noSubject = { audience: { clientIds: [1] }, text: "T" } as unknown as Parameters<
      typeof sendEmailCampaign
    >[2];
    expect((await refused(sendEmailCampaign(client, 1, noSubject))).field).toBe("subject");
    const blank = { audience: { clientIds: [1] }, subject: "S", text: "  " };
    expect((await refused(sendEmailCampaign(client, 1, blank))).field).toBe("text");
    expect(server.seen).toHaveLength(0);
  });

  it("refuses a too-long SMS, a bad location id, bad ids and bad options without a request", async () => {
    const client = clientFor(server.baseUrl);
    const audience = { clientIds: [1] };
    const long = { audience, text: "я".repeat(71), maxSegments: 1 };
    expect((await refused(sendSmsCampaign(client, 1, long))).field).toBe("text");
    expect((await refused(sendSmsCampaign(client, 0, { audience, text: "Hi" }))).field).toBe("locationId");
    const badId = { audience: { clientIds: [1, -2] }, text: "Hi" };
    expect((await refused(sendSmsCampaign(client, 1, badId))).field).toBe("audience.clientIds[1]");
    expect((await refused(sendSmsCampaign(client, 1, { audience, text: "Hi", chunkSize: 0 }))).field).toBe(
      "chunkSize",
    );
    const badQuoting = { audience, text: "Hi", filterQuoting: "double" } as unknown as Parameters<
      typeof sendSmsCampaign
    >[2];
    expect((await refused(sendSmsCampaign(client, 1, badQuoting))).field).toBe("filterQuoting");
    expect(server.seen).toHaveLength(0);
  });

  it("refuses a dryRun that is not a real boolean (dryRun: 'true' must not send for real)", async () => {
    const client = clientFor(server.baseUrl);
    const stringly = { audience: { clientIds: [1] }, text: "Hi", dryRun: "true" } as unknown as Parameters<
      typeof sendSmsCampaign
    >[2];
    expect((await refused(sendSmsCampaign(client, 1, stringly))).field).toBe("dryRun");
    expect(server.seen).toHaveLength(0);
  });

  it("does not spend the idempotency key when the input is refused", async () => {
    const client = clientFor(server.baseUrl);
    const registry = new IdempotencyRegistry();
    const options = { text: "Hi", idempotencyKey: "k1", idempotencyRegistry: registry };
    await refused(sendSmsCampaign(client, 1, { ...options, audience: { filter: {} } }));
    expect(registry.has("k1")).toBe(false);
    await sendSmsCampaign(client, 1, { ...options, audience: { clientIds: [7] } });
    expect(registry.has("k1")).toBe(true);
    expect(server.posts()).toHaveLength(1);
  });
});

describe("what goes on the wire", () => {
  it("sends filters as plain substrings in the query and only the text in the body", async () => {
    const client = clientFor(server.baseUrl);
    const result = await sendSmsCampaign(client, 37, {
      audience: { filter: { fullname: "Joh", phone: "1315", email: "test@", card: "5663rt" } },
      text: "Sale today!",
    });
    const [post] = server.posts();
    expect(post?.path).toBe("/sms/clients/by_filter/37");
    expect(post?.query).toEqual({ fullname: "Joh", phone: "1315", email: "test@", card: "5663rt" });
    expect(post?.body).toEqual({ text: "Sale today!" });
    expect(result).toMatchObject({
      ok: true,
      audience: "filter",
      chunks: [{ status: "sent", message: "Accepted" }],
    });
    expect(result.sms).toMatchObject({ encoding: "GSM-7", segments: 1 });
  });

  it("drops blank filter values and sends the rest", async () => {
    const client = clientFor(server.baseUrl);
    await sendSmsCampaign(client, 1, {
      audience: { filter: { fullname: "  ", email: "@ex.com" } },
      text: "Hi",
    });
    expect(server.posts()[0]?.query).toEqual({ email: "@ex.com" });
  });

  it("wraps filter values in single quotes with filterQuoting: 'quoted' (the vendor examples)", async () => {
    const client = clientFor(server.baseUrl);
    await sendEmailCampaign(client, 1, {
      audience: { filter: { fullname: "Joh" } },
      subject: "Important!",
      text: "Dear clients",
      filterQuoting: "quoted",
    });
    const [post] = server.posts();
    expect(post?.url).toBe("/email/clients/by_filter/1?fullname=%27Joh%27");
    expect(post?.query).toEqual({ fullname: "'Joh'" });
    expect(post?.body).toEqual({ subject: "Important!", text: "Dear clients" });
  });

  it("allClients: true sends by_filter with no filter at all", async () => {
    const client = clientFor(server.baseUrl);
    const result = await sendSmsCampaign(client, 1, { audience: { allClients: true }, text: "Hi all" });
    expect(server.posts().map((p) => p.url)).toEqual(["/sms/clients/by_filter/1"]);
    expect(result.audience).toBe("allClients");
  });

  it("sends the partner and user tokens in Authorization and the v2 Accept header", async () => {
    const client = clientFor(server.baseUrl);
    await sendSmsCampaign(client, 1, { audience: { clientIds: [1] }, text: "Hi" });
    const headers = server.posts()[0]?.headers;
    expect(headers?.authorization).toMatch(/^Bearer partner-SECRET-1234, User user-SECRET-5678$/);
    expect(headers?.accept).toContain("application/vnd.api.v2+json");
  });
});
