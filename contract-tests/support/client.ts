/**
 * OUR client (src/index.ts) configured for a contract target, with a recording transport.
 * Rate limiting is off for local targets: Prism is on 127.0.0.1 and the vendor's 5 req/s would
 * stretch 600+ calls to minutes. Against the vendor mock or a sandbox the client's own default
 * limiter stays on. Retries are off so a documented 5xx/429 answer is seen once, as documented.
 */
import type { Target } from "./targets.js";
import { type Exchange, recordingFetch } from "./wire.js";

type Call = (
  path: string,
  init?: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
export type LooseClient = Record<
  "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS" | "TRACE",
  Call
>;

export interface ClientModule {
  createAltegioClient(options: Record<string, unknown>): unknown;
  AltegioApiError: abstract new (...args: never[]) => Error;
}

// Loaded at run time so this file type-checks while src/index.ts is being written.
const clientEntry = "../../src/index.js";
let loaded: Promise<ClientModule> | undefined;
export function clientModule(): Promise<ClientModule> {
  loaded ??= import(/* @vite-ignore */ clientEntry) as Promise<ClientModule>;
  return loaded;
}

const noLimit = { acquire: () => Promise.resolve() };

export async function contractClient(
  target: Target,
  log: Exchange[],
  overrides: Record<string, unknown> = {},
): Promise<LooseClient> {
  const { createAltegioClient } = await clientModule();
  return createAltegioClient({
    partnerToken: target.partnerToken,
    userToken: target.userToken,
    baseUrl: target.baseUrl,
    fetch: recordingFetch(log),
    timeoutMs: 30_000,
    retry: false,
    ...(target.kind === "prism" ? { rateLimit: noLimit } : {}),
    ...overrides,
  }) as LooseClient;
}
