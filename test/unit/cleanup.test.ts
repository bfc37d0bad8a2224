/**
 * Every attempt's timer and every listener on the caller's signal are released as soon as the
 * call settles, whichever way it settles (issue 12): before, a body-read failure or a non-JSON
 * 2xx left the attempt's timer and AbortController armed for the whole `timeoutMs`.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isAltegioError } from "../../src/index.js";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { head, type RawServer, startRawServer } from "./support/raw-server.js";
import { testClient } from "./support/test-client.js";

// A timeout no other timer in the process uses, so the count is the client's alone.
const TIMEOUT = 61_234;

let servers: (LocalServer | RawServer)[] = [];
let armed: Map<unknown, number>;
const realSet = globalThis.setTimeout;
const realClear = globalThis.clearTimeout;

beforeEach(() => {
  const tracked = new Map<unknown, number>();
  armed = tracked;
  globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle = realSet(() => {
      tracked.delete(handle);
      fn(...args);
    }, ms);
    tracked.set(handle, ms ?? 0);
    return handle;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
    tracked.delete(handle);
    realClear(handle);
  }) as typeof clearTimeout;
});
afterEach(async () => {
  globalThis.setTimeout = realSet;
  globalThis.clearTimeout = realClear;
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** Timers of the client still armed (scheduled with TIMEOUT and neither fired nor cleared). */
const armedTimers = () => [...armed.values()].filter((ms) => ms === TIMEOUT).length;

/** A caller signal that counts its live "abort" listeners. */
function countedSignal() {
  const controller = new AbortController();
  const signal = controller.signal;
  let live = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  const listeners = new Set<unknown>();
  signal.addEventListener = ((type: string, fn: EventListener, opts?: AddEventListenerOptions) => {
    if (type === "abort" && !listeners.has(fn)) {
      listeners.add(fn);
      live++;
      add(type, fn, opts);
      return;
    }
    add(type, fn, opts);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, fn: EventListener, opts?: EventListenerOptions) => {
    if (type === "abort" && listeners.delete(fn)) live--;
    remove(type, fn, opts);
  }) as typeof signal.removeEventListener;
  return { controller, signal, live: () => live };
}

async function settle(server: LocalServer | RawServer, retry: false | object = false) {
  servers.push(server);
  const { signal, live } = countedSignal();
  const client = testClient(server, { timeoutMs: TIMEOUT, retry: retry === false ? false : { ...retry } });
  const outcome = await client
    .GET("/company/{location_id}", { params: { path: { location_id: 1 } }, signal })
    .then(
      () => "resolved",
      (e: unknown) => (isAltegioError(e) ? e.name : `foreign ${String(e)}`),
    );
  return { outcome, timers: armedTimers(), listeners: live() };
}

describe("no timer or listener outlives a call", () => {
  it("success", async () => {
    const result = await settle(await startServer((_q, res) => json(res, 200, ok(1))));
    expect(result).toEqual({ outcome: "resolved", timers: 0, listeners: 0 });
  });

  it("body cut short (FIN after the headers)", async () => {
    const server = await startRawServer((s) => s.end(head("200 OK", { "content-length": 100 })));
    expect(await settle(server)).toEqual({ outcome: "AltegioNetworkError", timers: 0, listeners: 0 });
  });

  it("body cut short on every attempt, with retries", async () => {
    const server = await startRawServer((s) => s.end(head("200 OK", { "content-length": 100 })));
    const result = await settle(server, { retries: 2, baseDelayMs: 1, maxDelayMs: 1 });
    expect(result).toEqual({ outcome: "AltegioNetworkError", timers: 0, listeners: 0 });
    expect((server as RawServer).heads).toHaveLength(3);
  });

  it("a non-JSON 2xx", async () => {
    const server = await startServer((_q, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html></html>");
    });
    expect(await settle(server)).toEqual({ outcome: "AltegioApiError", timers: 0, listeners: 0 });
  });

  it("an error status", async () => {
    const result = await settle(await startServer((_q, res) => json(res, 404, { success: false })));
    expect(result).toEqual({ outcome: "AltegioNotFoundError", timers: 0, listeners: 0 });
  });

  it("gzip garbage", async () => {
    const server = await startRawServer((s) =>
      s.end(`${head("200 OK", { "content-encoding": "gzip", "content-length": 4 })}junk`),
    );
    expect(await settle(server)).toEqual({ outcome: "AltegioNetworkError", timers: 0, listeners: 0 });
  });

  it("the caller aborts while the body streams", async () => {
    const server = await startRawServer((s) => s.write(head("200 OK", { "content-length": 100 })));
    servers.push(server);
    const { controller, signal, live } = countedSignal();
    const call = testClient(server, { timeoutMs: TIMEOUT, retry: false })
      .GET("/company/{location_id}", { params: { path: { location_id: 1 } }, signal })
      .catch((e: unknown) => e);
    realSet(() => controller.abort(new Error("user left")), 50);
    expect(((await call) as Error).message).toBe("user left");
    expect({ timers: armedTimers(), listeners: live() }).toEqual({ timers: 0, listeners: 0 });
  });
});
