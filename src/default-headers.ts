import { mediaType } from "../generated/operations.js";

/**
 * Headers every request carries. `Accept` is the vendor media type from openapi.yaml's root
 * `x-altegio-media-type` (the pages of this v1 API all ask for `application/vnd.api.v2+json`,
 * see ODDITIES.md "Accept"); openapi-fetch adds `Content-Type: application/json` to JSON
 * bodies itself.
 *
 * @example
 * createClient({ headers: defaultHeaders() });
 */
export function defaultHeaders(): Record<string, string> {
  return { Accept: mediaType };
}
