import type { Middleware } from "openapi-fetch";
import type { OperationSecurity } from "../../generated/operations.js";
import { AltegioUserTokenRequiredError } from "../errors/altegio-user-token-required-error.js";

/** Tokens the auth middleware may send. */
export interface AuthTokens {
  partnerToken: string;
  userToken: string | undefined;
}

/**
 * Sets Authorization from each operation's `security` in openapi.yaml, looked up by
 * `"<METHOD> <schemaPath>"` in the generated table (never a hand-kept list):
 * - `partner-user` → `Bearer <partner>, User <user>`; without a user token the request fails
 *   here, before any network I/O, with {@link AltegioUserTokenRequiredError};
 * - `partner` → `Bearer <partner>` (POST /auth, GET /companies, GET /company/{id}…);
 * - `none` → no Authorization.
 *
 * @example
 * client.use(createAuthMiddleware({ partnerToken, userToken }, operationSecurity));
 */
export function createAuthMiddleware(
  tokens: AuthTokens,
  securityOf: (key: string) => OperationSecurity,
): Middleware {
  const partner = `Bearer ${tokens.partnerToken}`;
  const partnerUser = tokens.userToken === undefined ? undefined : `${partner}, User ${tokens.userToken}`;
  return {
    onRequest({ request, schemaPath }) {
      const security = securityOf(`${request.method} ${schemaPath}`);
      if (security === "partner") {
        request.headers.set("Authorization", partner);
      } else if (security === "partner-user") {
        if (partnerUser === undefined) throw new AltegioUserTokenRequiredError(request.method, schemaPath);
        request.headers.set("Authorization", partnerUser);
      }
      return undefined;
    },
  };
}
