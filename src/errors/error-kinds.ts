/**
 * The error hierarchy by name: each error class's `name` and the `name` of the class it
 * extends. Guards and `instanceof` both read this table, so they agree even across two copies of
 * the package (e.g. one bundled by a dependency), whose classes differ but whose names do not.
 * A new error class gets a line here; test/unit/error-kinds.test.ts fails on one that has none.
 */
const PARENTS: Readonly<Record<string, string>> = {
  AltegioApiError: "AltegioError",
  AltegioBadRequestError: "AltegioApiError",
  AltegioAuthenticationError: "AltegioApiError",
  AltegioInsufficientFundsError: "AltegioApiError",
  AltegioPermissionDeniedError: "AltegioApiError",
  AltegioNotFoundError: "AltegioApiError",
  AltegioUnprocessableEntityError: "AltegioApiError",
  AltegioRateLimitError: "AltegioApiError",
  AltegioInternalServerError: "AltegioApiError",
  AltegioLoginError: "AltegioApiError",
  AltegioConfigError: "AltegioError",
  AltegioUserTokenRequiredError: "AltegioConfigError",
  AltegioNetworkError: "AltegioError",
  AltegioTimeoutError: "AltegioError",
  AltegioRateLimiterUnavailableError: "AltegioError",
  CampaignInputError: "AltegioError",
  CampaignSendError: "AltegioError",
  DuplicateSendError: "AltegioError",
  AltegioWebhookError: "AltegioError",
};

/** The table as a Map, so a name like `constructor` or `toString` finds nothing. */
export const ERROR_PARENTS: ReadonlyMap<string, string> = new Map(Object.entries(PARENTS));

/**
 * True when `value` is an Error whose `name` is `kind` or a descendant of it in the table.
 *
 * @example
 * isErrorKind(new AltegioNotFoundError(init), "AltegioApiError"); // true
 */
export function isErrorKind(value: unknown, kind: string): boolean {
  if (!(value instanceof Error)) return false;
  for (let name: string | undefined = value.name; name !== undefined; name = ERROR_PARENTS.get(name)) {
    if (name === kind) return true;
    if (name === "AltegioError") return false;
  }
  return false;
}
