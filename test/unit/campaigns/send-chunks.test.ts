import { describe, expect, it } from "vitest";
import {
  type CampaignResult,
  CampaignSendError,
  sendEmailCampaign,
  sendSmsCampaign,
} from "../../../src/campaigns/index.js";
import {
  AltegioInsufficientFundsError,
  AltegioInternalServerError,
  AltegioTimeoutError,
} from "../../../src/index.js";
import { accepted, clientFor, PARTNER_TOKEN, USER_TOKEN, useLocalServer } from "./local-server.js";

const server = useLocalServer(() => accepted);

const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const noFunds = {
  status: 402,
  json: {
    success: false,
    data: null,
    meta: { message: "Insufficient funds on the account. Refill your balance." },
  },
};
const boom = { status: 503, json: { success: false, data: null, meta: { message: "Service unavailable" } } };

async function sendError(promise: Promise<unknown>): Promise<CampaignSendError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CampaignSendError);
  return error as CampaignSendError;
}

describe("chunking", () => {
  it("sends 250 ids as chunks of 100, 100, 50 with one result per chunk", async () => {
    const client = clientFor(server.baseUrl);
    const result = await sendSmsCampaign(client, 5, { audience: { clientIds: ids(1, 250) }, text: "Hi" });
    const posts = server.posts();
    expect(posts.map((p) => p.path)).toEqual(Array(3).fill("/sms/clients/by_id/5"));
    expect(posts.map((p) => (p.body as { client_ids: number[] }).client_ids)).toEqual([
      ids(1, 100),
      ids(101, 100),
      ids(201, 50),
    ]);
    expect(posts[0]?.body).toMatchObject({ text: "Hi" });
    expect(result.chunks.map((c) => [c.index, c.status, c.clientIds?.length])).toEqual([
      [0, "sent", 100],
      [1, "sent", 100],
      [2, "sent", 50],
    ]);
    expect(result.sentClientIds).toEqual(ids(1, 250));
    expect(result.ok).toBe(true);
  });

  it("honours chunkSize, drops duplicate ids and reports how many", async () => {
    const client = clientFor(server.baseUrl);
    const result = await sendEmailCampaign(client, 5, {
      audience: { clientIds: [1, 2, 2, 3, 1, 4, 5] },
      subject: "S",
      text: "T",
      chunkSize: 2,
    });
    expect(server.posts().map((p) => p.body)).toEqual([
      { client_ids: [1, 2], subject: "S", text: "T" },
      { client_ids: [3, 4], subject: "S", text: "T" },
      { client_ids: [5], subject: "S", text: "T" },
    ]);
    expect(result.duplicatesRemoved).toBe(2);
  });

  it("stops at a failed chunk by default: reports its ids, skips the rest, never re-sends", async () => {
    const client = clientFor(server.baseUrl);
    server.handle((_, i) => (i === 1 ? boom : accepted));
    const error = await sendError(
      sendSmsCampaign(client, 5, { audience: { clientIds: ids(1, 10) }, text: "Hi", chunkSize: 3 }),
    );
    expect(server.posts()).toHaveLength(2); // chunk 0 sent, chunk 1 failed once, nothing after
    const r: CampaignResult = error.result;
    expect(r.chunks.map((c) => c.status)).toEqual(["sent", "failed", "skipped", "skipped"]);
    expect(r.sentClientIds).toEqual([1, 2, 3]);
    expect(r.failedClientIds).toEqual([4, 5, 6]);
    expect(r.skippedClientIds).toEqual([7, 8, 9, 10]);
    expect(r.chunks[1]?.error).toBeInstanceOf(AltegioInternalServerError);
    expect(error.cause).toBe(r.chunks[1]?.error);
    expect(error.message).toMatch(/request 2\/4 \(3 client ids\) failed.*Nothing was retried/);
  });

  it("with onChunkFailure: 'continue' sends the later chunks and still reports the failed one", async () => {
    const client = clientFor(server.baseUrl);
    server.handle((_, i) => (i === 1 ? boom : accepted));
    const error = await sendError(
      sendSmsCampaign(client, 5, {
        audience: { clientIds: ids(1, 9) },
        text: "Hi",
        chunkSize: 3,
        onChunkFailure: "continue",
      }),
    );
    expect(server.posts()).toHaveLength(3);
    expect(error.result.chunks.map((c) => c.status)).toEqual(["sent", "failed", "sent"]);
    expect(error.result.failedClientIds).toEqual([4, 5, 6]);
    expect(error.result.sentClientIds).toEqual([1, 2, 3, 7, 8, 9]);
  });

  it("402 is AltegioInsufficientFundsError and stops even with onChunkFailure: 'continue'", async () => {
    const client = clientFor(server.baseUrl);
    server.handle((_, i) => (i === 1 ? noFunds : accepted));
    const error = await sendError(
      sendSmsCampaign(client, 5, {
        audience: { clientIds: ids(1, 9) },
        text: "Hi",
        chunkSize: 3,
        onChunkFailure: "continue",
      }),
    );
    expect(error.cause).toBeInstanceOf(AltegioInsufficientFundsError);
    expect((error.cause as AltegioInsufficientFundsError).status).toBe(402);
    expect(error.result.chunks.map((c) => c.status)).toEqual(["sent", "failed", "skipped"]);
    expect(server.posts()).toHaveLength(2);
  });

  it("calls onChunk after each request", async () => {
    const client = clientFor(server.baseUrl);
    const seen: string[] = [];
    await sendSmsCampaign(client, 5, {
      audience: { clientIds: ids(1, 5) },
      text: "Hi",
      chunkSize: 2,
      onChunk: (c) => seen.push(`${c.index}:${c.status}`),
    });
    expect(seen).toEqual(["0:sent", "1:sent", "2:sent"]);
  });

  it("keeps going when an onChunk callback throws (the campaign is not cut off with its result lost)", async () => {
    const client = clientFor(server.baseUrl);
    const result = await sendSmsCampaign(client, 5, {
      audience: { clientIds: ids(1, 4) },
      text: "Hi",
      chunkSize: 2,
      onChunk: () => {
        throw new Error("progress bar broke");
      },
    });
    expect(result.chunks.map((c) => c.status)).toEqual(["sent", "sent"]);
    expect(server.posts()).toHaveLength(2);
  });
});

describe("no send is ever repeated", () => {
  it("control: this client WOULD retry a plain POST on 503 (so the next tests prove something)", async () => {
    const client = clientFor(server.baseUrl);
    server.handle(() => boom);
    await expect(
      client.POST("/sms/clients/by_id/{location_id}", {
        params: { path: { location_id: 1 } },
        body: { client_ids: [1], text: "Hi" },
      }),
    ).rejects.toBeInstanceOf(AltegioInternalServerError);
    expect(server.posts()).toHaveLength(4);
  });

  it.each([
    ["by id", { clientIds: [1, 2] }],
    ["by filter", { filter: { fullname: "Joh" } }],
    ["all clients", { allClients: true as const }],
  ])("sends exactly once on 503 (%s)", async (_, audience) => {
    const client = clientFor(server.baseUrl);
    server.handle(() => boom);
    const error = await sendError(sendSmsCampaign(client, 1, { audience, text: "Hi" }));
    expect(server.posts()).toHaveLength(1);
    expect(error.cause).toBeInstanceOf(AltegioInternalServerError);
  });

  it("sends exactly once when the request times out", async () => {
    const client = clientFor(server.baseUrl, { timeoutMs: 300 });
    server.handle(() => "hang");
    const error = await sendError(
      sendEmailCampaign(client, 1, { audience: { clientIds: [1] }, subject: "S", text: "T" }),
    );
    expect(error.cause).toBeInstanceOf(AltegioTimeoutError);
    expect(error.result.chunks[0]?.status).toBe("failed");
    // Give a (wrong) retry time to reach the server before counting.
    await new Promise((r) => setTimeout(r, 200));
    expect(server.posts()).toHaveLength(1);
  });

  it("refuses a second send with the same idempotency key, even after a failed first one", async () => {
    const client = clientFor(server.baseUrl);
    const key = `promo-${Math.random()}`;
    server.handle(() => boom);
    await sendError(
      sendSmsCampaign(client, 1, { audience: { clientIds: [1] }, text: "Hi", idempotencyKey: key }),
    );
    server.handle(() => accepted);
    await expect(
      sendSmsCampaign(client, 1, { audience: { clientIds: [1] }, text: "Hi", idempotencyKey: key }),
    ).rejects.toThrow(/already used/);
    expect(server.posts()).toHaveLength(1);
  });

  it("lets only one of two concurrent sends with the same key through", async () => {
    const client = clientFor(server.baseUrl);
    const key = `promo-${Math.random()}`;
    const options = { audience: { clientIds: [1] }, text: "Hi", idempotencyKey: key };
    const outcomes = await Promise.allSettled([
      sendSmsCampaign(client, 1, options),
      sendSmsCampaign(client, 1, options),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(server.posts()).toHaveLength(1);
  });
});

describe("secrets", () => {
  it("never puts tokens in a CampaignSendError's message or JSON", async () => {
    const client = clientFor(server.baseUrl);
    server.handle(() => noFunds);
    const error = await sendError(sendSmsCampaign(client, 1, { audience: { clientIds: [1] }, text: "Hi" }));
    const dump = `${error.message} ${JSON.stringify(error.result)} ${JSON.stringify(error.cause)} ${String(error.stack)}`;
    expect(dump).not.toContain(PARTNER_TOKEN);
    expect(dump).not.toContain(USER_TOKEN);
    expect(dump).toContain("Insufficient funds");
  });
});
