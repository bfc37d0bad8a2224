import { type AltegioClientOptions, createAltegioClient } from "../../../src/index.js";
import type { LocalServer } from "./local-server.js";

/** Tokens long enough to be found by substring search in anything an error exposes. */
export const PARTNER = "partner-CANARY-4f1d2e9b7c";
export const USER = "user-CANARY-8a3b6c0d5e";

/**
 * A client on the local server: no env, no rate limit, fast retries, unless overridden.
 */
export function testClient(server: Pick<LocalServer, "baseUrl">, options: AltegioClientOptions = {}) {
  return createAltegioClient({
    partnerToken: PARTNER,
    userToken: USER,
    baseUrl: server.baseUrl,
    env: {},
    rateLimit: false,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
}
