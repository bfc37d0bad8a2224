import { AltegioApiError } from "./altegio-api-error.js";

/**
 * POST /auth refused the login and password (or the 2FA code). Carries the vendor's status and
 * message; never the login, password or code.
 *
 * @example
 * try { await login({ partnerToken, login: "ann@example.com", password }); }
 * catch (e) { if (e instanceof AltegioLoginError) console.error("wrong credentials:", e.status); }
 */
export class AltegioLoginError extends AltegioApiError {
  override name = "AltegioLoginError";
  /**
   * Rebuilds a status error of POST /auth as a login error (same status, body, headers).
   *
   * @example
   * throw AltegioLoginError.from(apiError);
   */
  static from(error: AltegioApiError): AltegioLoginError {
    return new AltegioLoginError(
      {
        status: error.status,
        method: error.method,
        pathTemplate: error.pathTemplate,
        url: error.url,
        headers: new Headers(error.headers),
        body: error.body,
      },
      "Login failed: check the login and password (or the confirmation code)",
    );
  }
}
