import type { IncomingMessage, ServerResponse } from "node:http";
import { AltegioConfigError } from "../errors/altegio-config-error.js";
import { AltegioWebhookError } from "./altegio-webhook-error.js";
import { parseWebhook } from "./parse-webhook.js";
import type { WebhookEvent } from "./types.js";
import { hasWebhookSecret } from "./webhook-secret.js";

export interface WebhookHandlerOptions {
  /** Called once per event, in delivery order, after the delivery has been acknowledged. */
  onEvent: (event: WebhookEvent) => void | Promise<void>;
  /**
   * Malformed events of an accepted delivery and failures of `onEvent`. The default logs
   * `name: message` only (messages carry no client data); bodies are never logged.
   */
  onError?: (error: unknown) => void;
  /**
   * A shared secret the registered URL carries in query parameter `secretParam`
   * (e.g. `https://you.example/altegio?secret=…`); requests without it get 401.
   */
  secret?: string;
  /** @default "secret" */
  secretParam?: string;
  /** Peer addresses allowed to deliver (exact match); others get 403. Unset: any. */
  allowAddresses?: readonly string[];
  /** @default 1048576 (1 MiB) */
  maxBodyBytes?: number;
}

/** The two ways to mount it: a fetch-style `Request` handler, and a node:http listener. */
export interface WebhookHandler {
  fetch(request: Request, info?: { clientAddress?: string }): Promise<Response>;
  node(req: IncomingMessage, res: ServerResponse): void;
}

interface Reply {
  status: number;
  text: string;
  headers?: Record<string, string>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

function defaultOnError(error: unknown): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : "webhook handler failed";
  console.warn(`altegio-b2b webhooks: ${text}`);
}

// IPv4 peers of a dual-stack socket arrive as ::ffff:a.b.c.d.
const plainAddress = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");

/**
 * A webhook receiver with no framework dependency: checks method, secret, peer and size,
 * parses the delivery, answers at once (200, or 400 naming what was wrong), then hands each
 * event to `onEvent`. A failing `onEvent` never crashes the process or changes the answer.
 *
 * A delivery with some usable events is acknowledged (200) so that the vendor does not send
 * the good events again; the bad ones go to `onError`.
 *
 * @example
 * const hooks = createWebhookHandler({ secret: process.env.HOOK_SECRET, onEvent: (e) => queue.push(e) });
 * createServer(hooks.node).listen(8080);          // node:http
 * export default { fetch: (req) => hooks.fetch(req) }; // fetch-style runtimes
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const { onEvent, onError = defaultOnError, secret, secretParam = "secret", allowAddresses } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  if (typeof onEvent !== "function") throw new AltegioConfigError("onEvent", "must be a function");
  if (secret !== undefined && (typeof secret !== "string" || secret.length === 0)) {
    throw new AltegioConfigError("secret", "must be a non-empty string");
  }
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new AltegioConfigError("maxBodyBytes", "must be a positive integer");
  }
  const allowed = allowAddresses && new Set(allowAddresses.map(plainAddress));

  const report = (error: unknown) => {
    try {
      onError(error);
    } catch {
      // An error reporter that throws must not take the receiver down with it.
    }
  };

  const deliver = (events: WebhookEvent[]) => {
    // After the answer is out: slow consumers never delay the acknowledgement.
    setImmediate(async () => {
      for (const event of events) {
        try {
          await onEvent(event);
        } catch (cause) {
          // The wrapper's message holds no data; the user's own error stays reachable as `cause`.
          report(
            new AltegioWebhookError("handler-failed", `onEvent failed for a ${event.resource} event`, {
              cause,
            }),
          );
        }
      }
    });
  };

  /** Checks that need only the request line and peer: the reply when refused. */
  const admit = (method: string | undefined, url: string, address: string | undefined): Reply | undefined => {
    if (method !== "POST")
      return { status: 405, text: "webhooks are delivered with POST", headers: { allow: "POST" } };
    if (secret !== undefined && !hasWebhookSecret(url, secretParam, secret)) {
      return { status: 401, text: "webhook secret missing or wrong" };
    }
    if (allowed && !(address && allowed.has(plainAddress(address))))
      return { status: 403, text: "sender not allowed" };
    return undefined;
  };

  const accept = (body: Uint8Array): Reply => {
    let parsed: ReturnType<typeof parseWebhook>;
    try {
      parsed = parseWebhook(body);
    } catch (error) {
      return { status: 400, text: error instanceof Error ? error.message : "bad webhook body" };
    }
    if (parsed.events.length === 0 && parsed.errors.length > 0) {
      return { status: 400, text: parsed.errors.map((e) => e.message).join("; ") };
    }
    for (const error of parsed.errors) report(error);
    deliver(parsed.events);
    return { status: 200, text: "ok" };
  };

  const tooLarge: Reply = { status: 413, text: `webhook body exceeds ${maxBodyBytes} bytes` };

  return {
    async fetch(request, info = {}) {
      let reply = admit(request.method, request.url, info.clientAddress);
      if (!reply) {
        const body = await readLimited(request, maxBodyBytes);
        reply = body ? accept(body) : tooLarge;
      }
      return new Response(reply.text, {
        status: reply.status,
        headers: { "content-type": "text/plain; charset=utf-8", ...reply.headers },
      });
    },
    node(req, res) {
      const send = (reply: Reply) => {
        if (res.headersSent) return;
        res.writeHead(reply.status, { "content-type": "text/plain; charset=utf-8", ...reply.headers });
        res.end(reply.text);
      };
      const refused = admit(req.method, req.url ?? "/", req.socket.remoteAddress);
      if (refused) {
        req.resume();
        send(refused);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) {
          send(tooLarge);
          req.removeAllListeners("data");
          req.resume();
          return;
        }
        chunks.push(chunk);
      });
      req.on("error", () => send({ status: 400, text: "webhook body could not be read" }));
      req.on("end", () => {
        if (size <= maxBodyBytes) send(accept(Buffer.concat(chunks)));
      });
    },
  };
}

/** The body, or undefined when it is larger than `limit` (read no further than that). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
