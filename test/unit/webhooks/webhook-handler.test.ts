/** createWebhookHandler over a real node:http server on 127.0.0.1, and as a fetch-style handler. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createWebhookHandler,
  type WebhookEvent,
  type WebhookHandlerOptions,
} from "../../../src/webhooks/index.js";
import { recordedDeliveries } from "./recorded-deliveries.js";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise((r) => {
          s.closeAllConnections();
          s.close(r);
        }),
    ),
  );
  vi.restoreAllMocks();
});

async function serve(options: WebhookHandlerOptions): Promise<string> {
  const server = createServer(createWebhookHandler(options).node);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/altegio/hooks`;
}

/** Events handed on, and a promise for when `count` have arrived. */
function collector() {
  const events: WebhookEvent[] = [];
  let wake: () => void = () => {};
  return {
    events,
    onEvent: (e: WebhookEvent) => {
      events.push(e);
      wake();
    },
    async until(count: number) {
      while (events.length < count)
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 50);
        });
    },
  };
}

const post = (
  url: string,
  body: string,
  headers: Record<string, string> = { "content-type": "application/json" },
) => fetch(url, { method: "POST", body, headers });

describe("createWebhookHandler: node:http", () => {
  it("answers 200 to each recorded delivery and hands its event on", async () => {
    const sink = collector();
    const url = await serve({ onEvent: sink.onEvent });
    const deliveries = recordedDeliveries();
    for (const delivery of deliveries) {
      const res = await post(url, JSON.stringify(delivery.body));
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("ok");
    }
    await sink.until(deliveries.length);
    expect(sink.events.map((e) => e.resource)).toEqual(deliveries.map((d) => d.kind));
  });

  it("answers before a slow onEvent finishes, and hands events on in delivery order", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const seen: string[] = [];
    const url = await serve({
      onEvent: async (e) => {
        seen.push(`start ${e.resource_id}`);
        await gate;
        seen.push(`end ${e.resource_id}`);
      },
    });
    const body = JSON.stringify(
      [1, 2].map((id) => ({
        company_id: 1,
        resource: "client",
        resource_id: id,
        status: "create",
        data: {},
      })),
    );
    const res = await post(url, body);
    expect(res.status).toBe(200);
    // The answer came while the first event was still being handled (or not yet started).
    expect(seen).not.toContain("end 1");
    release();
    await vi.waitFor(() => expect(seen).toEqual(["start 1", "end 1", "start 2", "end 2"]));
  });

  it("refuses a bad body with 400 and the reason, and keeps serving", async () => {
    const sink = collector();
    const url = await serve({ onEvent: sink.onEvent });
    let res = await post(url, "{not json");
    expect([res.status, await res.text()]).toEqual([400, "webhook body is not JSON"]);
    res = await post(
      url,
      JSON.stringify({ company_id: 1, resource: "spaceship", resource_id: 1, status: "create", data: {} }),
    );
    expect([res.status, await res.text()]).toEqual([400, 'event 0: unknown resource "spaceship"']);
    res = await post(
      url,
      JSON.stringify({ company_id: 1, resource: "client", resource_id: 1, status: "create", data: {} }),
    );
    expect(res.status).toBe(200);
    await sink.until(1);
    expect(sink.events).toHaveLength(1);
  });

  it("acknowledges a delivery with some usable events and reports the others to onError", async () => {
    const sink = collector();
    const onError = vi.fn();
    const url = await serve({ onEvent: sink.onEvent, onError });
    const res = await post(
      url,
      JSON.stringify([
        { company_id: 1, resource: "record", resource_id: 5, status: "delete", data: [] },
        { company_id: 1, resource: "record", resource_id: "5", status: "delete", data: [] },
      ]),
    );
    expect(res.status).toBe(200);
    await sink.until(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({
      name: "AltegioWebhookError",
      index: 1,
      field: "resource_id",
    });
  });

  it("allows only POST (405 with Allow)", async () => {
    const url = await serve({ onEvent: () => {} });
    const res = await fetch(url);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });

  it("checks the shared secret in the URL: 401 without it or with a wrong one", async () => {
    const sink = collector();
    const url = await serve({ onEvent: sink.onEvent, secret: "s3cr3t-Value" });
    const body = JSON.stringify({
      company_id: 1,
      resource: "client",
      resource_id: 1,
      status: "update",
      data: {},
    });
    for (const wrong of [
      url,
      `${url}?secret=nope`,
      `${url}?secret=s3cr3t-Valu`,
      `${url}?other=s3cr3t-Value`,
    ]) {
      const res = await post(wrong, body);
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain("s3cr3t");
    }
    expect((await post(`${url}?secret=s3cr3t-Value`, body)).status).toBe(200);
    await sink.until(1);
    expect(sink.events).toHaveLength(1);
  });

  it("refuses peers outside allowAddresses with 403", async () => {
    const refused = await serve({ onEvent: () => {}, allowAddresses: ["203.0.113.7"] });
    const body = JSON.stringify({
      company_id: 1,
      resource: "client",
      resource_id: 1,
      status: "update",
      data: {},
    });
    expect((await post(refused, body)).status).toBe(403);
    const allowed = await serve({ onEvent: () => {}, allowAddresses: ["127.0.0.1"] });
    expect((await post(allowed, body)).status).toBe(200);
  });

  it("answers 413 past maxBodyBytes without reading on", async () => {
    const onEvent = vi.fn();
    const url = await serve({ onEvent, maxBodyBytes: 1000 });
    const res = await post(
      url,
      JSON.stringify({
        company_id: 1,
        resource: "client",
        resource_id: 1,
        status: "update",
        data: { note: "x".repeat(5000) },
      }),
    );
    expect(res.status).toBe(413);
    await new Promise((r) => setTimeout(r, 20));
    expect(onEvent).not.toHaveBeenCalled();
  });

  it("survives an onEvent that throws: onError gets a handler-failed error; no body is logged by default", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const url = await serve({
      onEvent: () => {
        throw new Error("consumer broke");
      },
    });
    const canary = "Canary Client +70000000000";
    const res = await post(
      url,
      JSON.stringify([
        { company_id: 1, resource: "client", resource_id: 1, status: "update", data: { name: canary } },
        { company_id: 1, resource: "client", resource_id: "x", status: "update", data: { name: canary } },
      ]),
    );
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(2));
    const logged = warn.mock.calls.flat().join("\n");
    expect(logged).toContain("onEvent failed for a client event");
    expect(logged).toContain("resource_id is string, not an integer");
    expect(logged).not.toContain(canary);
    // Still serving after the failure.
    expect((await fetch(url)).status).toBe(405);
  });
});

describe("createWebhookHandler: fetch-style Request", () => {
  it("answers like the node listener", async () => {
    const sink = collector();
    const hooks = createWebhookHandler({ onEvent: sink.onEvent, secret: "k" });
    const good = JSON.stringify({
      company_id: 1,
      resource: "good",
      resource_id: 9,
      status: "create",
      data: {},
    });
    const req = (url: string, init: RequestInit) => new Request(url, init);
    expect(
      (await hooks.fetch(req("https://me.example/h?secret=k", { method: "POST", body: good }))).status,
    ).toBe(200);
    expect((await hooks.fetch(req("https://me.example/h", { method: "POST", body: good }))).status).toBe(401);
    expect(
      (await hooks.fetch(req("https://me.example/h?secret=k", { method: "PUT", body: good }))).status,
    ).toBe(405);
    const bad = await hooks.fetch(req("https://me.example/h?secret=k", { method: "POST", body: "[1]" }));
    expect([bad.status, await bad.text()]).toEqual([400, "event 0: is number, not an object"]);
    await sink.until(1);
    expect(sink.events).toMatchObject([{ resource: "good", resource_id: 9 }]);
  });

  it("applies allowAddresses to the address the runtime gives, and the size limit to a streamed body", async () => {
    const hooks = createWebhookHandler({
      onEvent: () => {},
      allowAddresses: ["198.51.100.1"],
      maxBodyBytes: 10,
    });
    const body = () =>
      JSON.stringify({ company_id: 1, resource: "good", resource_id: 9, status: "create", data: {} });
    expect((await hooks.fetch(new Request("https://x/h", { method: "POST", body: body() }))).status).toBe(
      403,
    );
    expect(
      (
        await hooks.fetch(new Request("https://x/h", { method: "POST", body: body() }), {
          clientAddress: "198.51.100.1",
        })
      ).status,
    ).toBe(413);
  });

  it("refuses options that cannot work", () => {
    expect(() => createWebhookHandler({ onEvent: undefined as never })).toThrow(
      "onEvent: must be a function",
    );
    expect(() => createWebhookHandler({ onEvent: () => {}, secret: "" })).toThrow(
      "secret: must be a non-empty string",
    );
    expect(() => createWebhookHandler({ onEvent: () => {}, maxBodyBytes: 0 })).toThrow(
      "maxBodyBytes: must be a positive integer",
    );
  });
});
