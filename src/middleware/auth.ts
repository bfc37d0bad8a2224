import type { Middleware } from "openapi-fetch";
import type { OperationInfo } from "../../generated/operations.js";
import { AltegioUserTokenRequiredError } from "../errors/altegio-user-token-required-error.js";

/** Tokens the auth middleware may send. */
export interface AuthTokens {
  partnerToken: string;
  userToken: string | undefined;
}

/**
 * Sets Authorization from each operation's `security` in openapi.yaml, looked up in the
 * generated table by `"<METHOD> <schemaPath>"` (never a hand-kept list):
 * - `partner-user` → `Bearer <partner>, User <user>`; without a user token the request fails
 *   here, before any network I/O, with {@link AltegioUserTokenRequiredError};
 * - `partner` → `Bearer <partner>` (POST /auth, GET /companies, GET /company/{id}…);
 * - `none` → no Authorization.
 * A path missing from the table (a cast path) gets the most the client has.
 *
 * @example
 * client.use(createAuthMiddleware({ partnerToken, userToken }, operations));
 */
export function createAuthMiddleware(
  tokens: AuthTokens,
  table: Readonly<Record<string, OperationInfo>>,
): Middleware {
  const partner = `Bearer ${tokens.partnerToken}`;
  const partnerUser = tokens.userToken === undefined ? undefined : `${partner}, User ${tokens.userToken}`;
  return {
    onRequest({ request, schemaPath }) {
      const security = table[`${request.method} ${schemaPath}`]?.security;
      if (security === "none") return undefined;
      if (security === "partner") {
        request.headers.set("Authorization", partner);
      } else if (partnerUser !== undefined) {
        request.headers.set("Authorization", partnerUser);
      } else if (security === "partner-user") {
        throw new AltegioUserTokenRequiredError(request.method, schemaPath);
      } else {
        request.headers.set("Authorization", partner);
      }
      return undefined;
    },
  };
}
