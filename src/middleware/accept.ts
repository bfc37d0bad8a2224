import type { Middleware } from "openapi-fetch";
import { acceptOverrides, mediaType } from "../../generated/operations.js";

/**
 * Every request carries the vendor media type in Accept (see default-headers.ts), except the
 * few operations whose success is not declared under it (the PDF receipt): those ask for their
 * own media type, looked up by `"<METHOD> <schemaPath>"` in the generated table. An Accept the
 * caller set on the call is left alone.
 *
 * @example
 * client.use(createAcceptMiddleware());
 */
export function createAcceptMiddleware(
  overrides: Readonly<Record<string, string>> = acceptOverrides,
): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      const accept = overrides[`${request.method} ${schemaPath}`];
      if (accept !== undefined && request.headers.get("Accept") === mediaType) {
        request.headers.set("Accept", accept);
      }
      return undefined;
    },
  };
}
