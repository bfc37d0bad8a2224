import type { Middleware } from "openapi-fetch";
import { withPerCallOptions } from "../fetch/fetch-like.js";

const BASE = "/api/v1";

/**
 * Two documented paths already start with the server base
 * (`/api/v1/company/{location_id}/client/{client_id}/loyalty/abonements/...`, ODDITIES.md
 * "Paths that repeat the base"); openapi.yaml serves them from the host root with path-level
 * servers. openapi-fetch knows only one baseUrl, so with the production base
 * (`https://api.alteg.io/api/v1`) the URL would say `/api/v1/api/v1/...`: the base is dropped
 * once here. Against a base without `/api/v1` (Prism, the vendor mock) nothing changes.
 *
 * @example
 * client.use(createDoubledBaseMiddleware());
 */
export function createDoubledBaseMiddleware(): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      if (!schemaPath.startsWith(`${BASE}/`)) return undefined;
      const url = new URL(request.url);
      const doubled = `${BASE}${BASE}/`;
      const at = url.pathname.indexOf(doubled);
      if (at === -1) return undefined;
      url.pathname = url.pathname.slice(0, at) + url.pathname.slice(at + BASE.length);
      // The per-call options (retry, timeoutMs, the caller's signal) ride on the request.
      return withPerCallOptions(new Request(url, request), request);
    },
  };
}
