/**
 * Redaction of credentials from anything an error or a log line carries.
 *
 * Why: Altegio's Authorization header holds two long-lived secrets
 * (`Bearer <partner>, User <user>`), and POST /auth bodies hold a password and answer with a
 * user token. None of them may end up in an error message, property, `JSON.stringify`,
 * `util.inspect`, stack or log line (issue 4). Octokit's RequestError does the same for
 * `authorization`.
 */

/** What replaces every secret value. */
export const REDACTED = "[REDACTED]";

// Keys whose values are secrets wherever they appear in a parsed body (the /auth answer
// carries `user_token`; requests carry `password`; some pages name `partner_token`).
const SECRET_KEY = /token|password|secret|authorization|api[_-]?key/i;

/**
 * A deep copy of a parsed JSON body with every secret-looking key's value replaced by
 * {@link REDACTED}. Non-objects are returned as they are.
 *
 * @example
 * redactBody({ data: { user_token: "abc", name: "Ann" } });
 * // => { data: { user_token: "[REDACTED]", name: "Ann" } }
 */
export function redactBody(value: unknown, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactBody(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactBody(item, depth + 1);
  }
  return out;
}

/**
 * Response or request headers as a plain object with `authorization`, `cookie`,
 * `set-cookie` and `proxy-authorization` replaced by {@link REDACTED}.
 *
 * @example
 * redactHeaders(new Headers({ authorization: "Bearer x", "x-request-id": "1" }));
 * // => { authorization: "[REDACTED]", "x-request-id": "1" }
 */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = /^(authorization|proxy-authorization|cookie|set-cookie)$/i.test(key) ? REDACTED : value;
  });
  return out;
}

/**
 * `text` with every occurrence of each given secret replaced by {@link REDACTED}; a last line
 * of defence for free-form strings (vendor messages, causes) that might echo a credential.
 *
 * @example
 * redactSecrets("token abc leaked", ["abc"]); // => "token [REDACTED] leaked"
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
