import type { components } from "../generated/schema.js";
import { type AltegioClient, buildAltegioClient } from "./create-altegio-client.js";
import { AltegioApiError } from "./errors/altegio-api-error.js";
import { AltegioConfigError } from "./errors/altegio-config-error.js";
import { AltegioLoginError } from "./errors/altegio-login-error.js";
import { createApiError } from "./errors/create-api-error.js";
import type { Secrets } from "./redact.js";
import type { AltegioClientOptions } from "./resolve-options.js";

/** The user POST /auth answers with (authentication-b2b/authorize_user page). */
export interface AltegioUser {
  id?: number;
  name?: string;
  phone?: string;
  login?: string;
  email?: string;
  avatar?: string;
  is_approved?: boolean;
  is_email_confirmed?: boolean;
  [key: string]: unknown;
}

/** Options of {@link login}: the partner token plus the user's credentials. */
export interface LoginOptions
  extends Pick<
    AltegioClientOptions,
    "partnerToken" | "baseUrl" | "fetch" | "timeoutMs" | "maxQueueMs" | "rateLimit" | "env"
  > {
  /** Phone number (+13155550175) or email. */
  login: string;
  password: string;
}

/** The user is logged in: pass `userToken` to `createAltegioClient`. */
export interface LoginSuccess {
  status: "authorized";
  userToken: string;
  user: AltegioUser;
}

/**
 * The account has two-factor authentication: the vendor answered HTTP 200 with `data.uuid`
 * instead of 201 with a token (as YCLIENTS documents). Ask the user for the code sent to them
 * and call `complete(code)`.
 */
export interface LoginChallenge {
  status: "two-factor-required";
  /** The challenge id from `data.uuid`. */
  uuid: string;
  /** The vendor's hint (e.g. where the code was sent), when given. */
  message: string | undefined;
  /**
   * Sends the code and resolves with the token: POST /auth again with the credentials and
   * `2fa: { uuid, secret: code }`, as integrations that complete 2FA do (openapi.yaml types the step).
   */
  complete(code: string): Promise<LoginSuccess>;
}

/**
 * Logs a user in via POST /auth (Authorization: Bearer <partner>) and returns the user token
 * and the user, or a {@link LoginChallenge} for 2FA accounts. Wrong credentials reject with
 * {@link AltegioLoginError}. Altegio regenerates the token when the user changes the password,
 * so call this again after an `AltegioAuthenticationError`.
 *
 * The password is sent once (twice for a 2FA account: the second step repeats it) and kept
 * nowhere else: no error carries the request body.
 *
 * @example
 * const result = await login({ partnerToken, login: "ann@example.com", password });
 * if (result.status === "two-factor-required") await result.complete(await askUser());
 * const client = createAltegioClient({ partnerToken, userToken: result.userToken });
 */
export async function login(options: LoginOptions): Promise<LoginSuccess | LoginChallenge> {
  if (typeof options !== "object" || options === null)
    throw new AltegioConfigError("options", "must be an object");
  for (const key of ["login", "password"] as const) {
    if (typeof options[key] !== "string" || options[key] === "") {
      throw new AltegioConfigError(key, "must be a non-empty string");
    }
  }
  const { login: user, password, ...clientOptions } = options;
  // The user token comes from this call, so none is sent; POST is never retried.
  // The password joins the tokens in the list every error of this client is scrubbed of: a
  // vendor message or a header may echo it.
  const { client, secrets } = buildAltegioClient({ ...clientOptions, userToken: undefined, retry: false }, [
    password,
  ]);
  const post = (body: AuthBody) => authorize(client, body, secrets);
  // The second 2FA step repeats the credentials, so they stay in this closure until it is done.
  const second: Second = (uuid, code) => post({ login: user, password, "2fa": { uuid, secret: code } });
  return post({ login: user, password }).then((answer) => toResult(answer, second));
}

type AuthBody = components["schemas"]["authorize_user_request"];
type Second = (uuid: string, code: string) => Promise<AuthAnswer>;
interface AuthAnswer {
  status: number;
  body: unknown;
  headers: Headers;
  url: string;
  /** What an error built from this answer is scrubbed of. */
  secrets: Secrets;
}

async function authorize(client: AltegioClient, body: AuthBody, secrets: Secrets): Promise<AuthAnswer> {
  try {
    const { data, response } = await client.POST("/auth", { body });
    return { status: response.status, body: data, headers: response.headers, url: response.url, secrets };
  } catch (error) {
    if (
      error instanceof AltegioApiError &&
      error.status >= 400 &&
      error.status < 500 &&
      error.status !== 429
    ) {
      throw AltegioLoginError.from(error);
    }
    throw error;
  }
}

function toResult(answer: AuthAnswer, second: Second): LoginSuccess | LoginChallenge {
  const data = (answer.body as { data?: Record<string, unknown> } | undefined)?.data;
  if (data && typeof data.user_token === "string" && data.user_token) {
    const { user_token: userToken, ...user } = data;
    return { status: "authorized", userToken, user: user as AltegioUser };
  }
  if (data && typeof data.uuid === "string" && data.uuid) {
    const uuid = data.uuid;
    return {
      status: "two-factor-required",
      uuid,
      message: typeof data.message === "string" ? data.message : undefined,
      async complete(code: string) {
        if (typeof code !== "string" || code === "")
          throw new AltegioConfigError("code", "must be a non-empty string");
        const result = toResult(await second(uuid, code), second);
        if (result.status !== "authorized") throw unexpected(answer);
        return result;
      },
    };
  }
  throw unexpected(answer);
}

function unexpected(answer: AuthAnswer): AltegioApiError {
  return createApiError({
    status: answer.status,
    method: "POST",
    pathTemplate: "/auth",
    url: answer.url,
    headers: answer.headers,
    body: answer.body,
    secrets: answer.secrets,
  });
}
