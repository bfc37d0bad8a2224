/**
 * OUR client (src/index.ts) configured for a contract target, with a recording transport.
 * Rate limiting is OFF for Prism (`rateLimit: false`): Prism is local, and the vendor's 5 req/s
 * would stretch 700+ calls to minutes. Against the vendor mock or a sandbox the client's own
 * default limiter stays on. Retries are off so a documented 5xx/429 answer is seen once.
 */
import { type AltegioClientOptions, createAltegioClient } from "../../src/index.js";
import type { Target } from "./targets.js";
import { type Exchange, recordingFetch } from "./wire.js";

export { AltegioApiError } from "../../src/index.js";

type Call = (
  path: string,
  init?: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
/** The typed client with the path as a plain string: the runner drives it from openapi.yaml. */
export type LooseClient = Record<
  "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS" | "TRACE",
  Call
>;

export function contractClient(
  target: Target,
  log: Exchange[],
  overrides: AltegioClientOptions = {},
): LooseClient {
  return createAltegioClient({
    partnerToken: target.partnerToken,
    userToken: target.userToken,
    baseUrl: target.baseUrl,
    fetch: recordingFetch(log),
    timeoutMs: 30_000,
    retry: false,
    env: {}, // never pick up ALTEGIO_* from the environment behind the test's back
    ...(target.kind === "prism" ? { rateLimit: false } : {}),
    ...overrides,
  }) as unknown as LooseClient;
}
