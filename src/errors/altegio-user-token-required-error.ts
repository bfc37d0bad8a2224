import { AltegioConfigError } from "./altegio-config-error.js";

/**
 * The operation's security is `BearerPartnerUser` but the client has no user token. Thrown
 * before any network I/O. Get a user token with `login()` and pass it as `userToken`.
 *
 * @example
 * const client = createAltegioClient({ partnerToken });
 * await client.GET("/records/{location_id}", …); // throws AltegioUserTokenRequiredError
 */
export class AltegioUserTokenRequiredError extends AltegioConfigError {
  override name = "AltegioUserTokenRequiredError";
  readonly method: string;
  readonly pathTemplate: string;
  constructor(method: string, pathTemplate: string) {
    super(
      "userToken",
      `${method} ${pathTemplate} needs a user token (Authorization: Bearer <partner>, User <user>); ` +
        "get one with login() or set ALTEGIO_USER_TOKEN",
    );
    this.method = method;
    this.pathTemplate = pathTemplate;
  }
}
