/**
 * The slice of the openapi-fetch client the campaign helpers call.
 *
 * The helpers accept the package's client (`createAltegioClient()`), but call it through this
 * one loose signature: the campaign bodies are built and validated here, and typing each call
 * against every converter revision of openapi.yaml would add nothing but churn. The paths
 * themselves are still checked against the generated `paths` (see `operations.ts`).
 */
import type { Middleware } from "openapi-fetch";

export interface LooseInit {
  params: { path?: Record<string, number>; query?: Record<string, string | number> };
  body?: unknown;
  /** Per-request openapi-fetch middleware (used by the dry run to stop before the network). */
  middleware?: Middleware[];
  /**
   * Per-call retry override read by the core client's retry layer (src/fetch/with-retry.ts).
   * Every campaign send passes `false`: a POST that failed may still have gone out.
   */
  retry?: false;
}

export interface LooseResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface LooseClient {
  GET(path: string, init: LooseInit): Promise<LooseResult>;
  POST(path: string, init: LooseInit): Promise<LooseResult>;
}

/** Any openapi-fetch client (the one `createAltegioClient` returns included). */
export type CampaignClient = { GET: unknown; POST: unknown };

/** View the typed client through the loose signature above. */
export function loose(client: CampaignClient): LooseClient {
  return client as unknown as LooseClient;
}
