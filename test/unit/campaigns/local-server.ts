/**
 * The campaign tests' view of the shared test server (../support/local-server.ts): records
 * every request with its parsed query and JSON body, and answers with whatever the current
 * test's handler says. Nothing is mocked: the client under test talks to it over a socket, so
 * "sent nothing" means the server saw nothing.
 */
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createAltegioClient } from "../../../src/index.js";
import { json, startServer } from "../support/local-server.js";

export interface Seen {
  method: string;
  /** Path and query, as received. */
  url: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  body: unknown;
}

/** `hang` never answers (to trigger the client's timeout). */
export type Answer = { status: number; json?: unknown } | "hang";
export type Handler = (req: Seen, index: number) => Answer;

export const PARTNER_TOKEN = "partner-SECRET-1234";
export const USER_TOKEN = "user-SECRET-5678";

export const accepted: Answer = {
  status: 201,
  json: { success: true, data: null, meta: { message: "Accepted" } },
};

export interface LocalServer {
  baseUrl: string;
  seen: Seen[];
  /** Only the POSTs (the sends). */
  posts(): Seen[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startLocalServer(): Promise<LocalServer> {
  const seen: Seen[] = [];
  let handler: Handler = () => accepted;
  const server = await startServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const entry: Seen = {
      method: req.method,
      url: req.url,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: req.body === "" ? undefined : JSON.parse(req.body),
    };
    seen.push(entry);
    const answer = handler(entry, seen.length - 1);
    // A hanging request is never answered; close() drops its socket.
    if (answer !== "hang") json(res, answer.status, answer.json);
  });
  return {
    baseUrl: server.origin,
    seen,
    posts: () => seen.filter((s) => s.method === "POST"),
    handle(h) {
      handler = h;
    },
    close: () => server.close(),
  };
}

/**
 * One local server for the whole test file: started before the first test and closed after the
 * last; before each test it forgets what it saw and answers with `handler` again.
 *
 * @example
 * const server = useLocalServer(() => accepted);
 */
export function useLocalServer(handler: Handler = () => accepted): LocalServer {
  const server = {} as LocalServer; // filled in beforeAll: the test bodies only run after it
  beforeAll(async () => {
    Object.assign(server, await startLocalServer());
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.seen.length = 0;
    server.handle(handler);
  });
  return server;
}

/**
 * A client on the local server with retries switched ON for POST, 5xx and timeouts, so a test
 * proves that the campaign helpers themselves stop any repeat at the wire.
 */
export function clientFor(baseUrl: string, options: { timeoutMs?: number } = {}) {
  return createAltegioClient({
    partnerToken: PARTNER_TOKEN,
    userToken: USER_TOKEN,
    baseUrl,
    env: {},
    rateLimit: false,
    timeoutMs: options.timeoutMs ?? 5_000,
    retry: {
      retries: 3,
      methods: ["GET", "POST"],
      statusCodes: [429, 500, 502, 503, 504],
      errorCodes: ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"],
      baseDelayMs: 1,
      maxDelayMs: 5,
    },
  });
}
