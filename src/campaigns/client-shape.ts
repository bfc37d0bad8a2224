/**
 * The slice of the openapi-fetch client the campaign helpers call.
 *
 * The helpers accept the package's client (`createAltegioClient()`), but call it through this
 * one loose signature: the campaign bodies are built and validated here, and typing each call
 * against every converter revision of openapi.yaml would add nothing but churn. The paths
 * themselves are still checked against the generated `paths` (see `operations.ts`).
 */
import type { Middleware } from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import type { AltegioClient } from "../create-altegio-client.js";

/** A path of openapi.yaml: a typo or a path dropped from the spec fails to compile. */
export type ApiPath = keyof paths;

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
  GET(path: ApiPath, init: LooseInit): Promise<LooseResult>;
  POST(path: ApiPath, init: LooseInit): Promise<LooseResult>;
}

/** The client the helpers take: what `createAltegioClient()` returns (only GET and POST are used). */
export type CampaignClient = Pick<AltegioClient, "GET" | "POST">;

/**
 * View the typed client through the loose signature above.
 *
 * @example
 * await loose(client).POST("/delivery/status", { params: {}, body: [{ id: "m1", status: 1 }] });
 */
export function loose(client: CampaignClient): LooseClient {
  return client as unknown as LooseClient;
}
