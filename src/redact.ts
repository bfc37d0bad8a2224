/**
 * Redaction of credentials from anything an error or a log line carries: the one path every
 * error of the client and of `login()` goes through (AltegioApiError's constructor, the
 * network and timeout errors' headers, the JSON parser's message).
 *
 * Why: Altegio's Authorization header holds two long-lived secrets
 * (`Bearer <partner>, User <user>`), and POST /auth bodies hold a password and answer with a
 * user token. None of them may end up in an error message, property, `JSON.stringify`,
 * `util.inspect`, stack or log line (issue 4), even when the vendor (or a proxy) echoes them
 * in a message, a validation detail or a header (issue 12). Octokit's RequestError does the
 * same for `authorization`.
 */

/** What replaces every secret value. */
export const REDACTED = "[REDACTED]";

/** The secrets known where an error is built: tokens, the login password. */
export type Secrets = readonly (string | undefined)[];

// Keys whose values are secrets wherever they appear in a parsed body (the /auth answer
// carries `user_token`; requests carry `password`; some pages name `partner_token`).
const SECRET_KEY = /token|password|secret|authorization|api[_-]?key/i;
// Headers whose values are secrets whatever they say.
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$/i;

/**
 * A deep copy of a parsed JSON body (or a raw text body) with every secret-looking key's value
 * replaced by {@link REDACTED} (unless `keys: false`) and every occurrence of a known secret in
 * any string scrubbed.
 *
 * @example
 * redactBody({ data: { user_token: "abc", note: "pw hunter2" } }, ["hunter2"]);
 * // => { data: { user_token: "[REDACTED]", note: "pw [REDACTED]" } }
 */
export function redactBody(
  value: unknown,
  secrets: Secrets = [],
  options: { keys?: boolean } = {},
  depth = 0,
): unknown {
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (value === null || typeof value !== "object") return value;
  // Deeper than any vendor body: not worth walking, not safe to keep as is.
  if (depth > 20) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactBody(item, secrets, options, depth + 1));
  const keys = options.keys !== false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = keys && SECRET_KEY.test(key) ? REDACTED : redactBody(item, secrets, options, depth + 1);
  }
  return out;
}

/**
 * Response headers as a plain object with `authorization`, `cookie`, `set-cookie` and
 * `proxy-authorization` replaced by {@link REDACTED}, and any known secret scrubbed from the
 * other values (a proxy's `x-echo-authorization`, a debug header).
 *
 * @example
 * redactHeaders(new Headers({ authorization: "Bearer x", "x-echo": "Bearer x" }), ["x"]);
 * // => { authorization: "[REDACTED]", "x-echo": "Bearer [REDACTED]" }
 */
export function redactHeaders(
  headers: Headers | Readonly<Record<string, string>>,
  secrets: Secrets = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (value: string, key: string) => {
    out[key] = SECRET_HEADER.test(key) ? REDACTED : redactSecrets(value, secrets);
  };
  if (headers instanceof Headers) headers.forEach(add);
  else for (const [key, value] of Object.entries(headers)) add(value, key);
  return out;
}

/**
 * `text` with every occurrence of each given secret replaced by {@link REDACTED}; the last
 * line of defence for free-form strings (vendor messages, causes) that might echo a
 * credential. Every non-empty secret counts, however short (a short password is still the
 * password); longer ones go first, so one that contains another is replaced whole.
 *
 * @example
 * redactSecrets("token abc leaked", ["abc"]); // => "token [REDACTED] leaked"
 */
export function redactSecrets(text: string, secrets: Secrets): string {
  let out = text;
  const known = secrets.filter((s): s is string => typeof s === "string" && s !== "");
  if (known.length > 1) known.sort((a, b) => b.length - a.length);
  for (const secret of known) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}
