/**
 * Every entry point's runtime exports, pinned. Whatever an entry exports is a promise to users,
 * so adding or removing a name (or an entry point) must be a deliberate edit of this list, with
 * the reason in the commit. The entries are read from package.json `exports`, so a new subpath
 * without a pin fails here. Types are erased at runtime; test/types/exports.test-d.ts checks the
 * exported types that matter (`paths`, `components`, `operations`).
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const PINNED: Record<string, readonly string[]> = {
  ".": [
    "ALTEGIO_RATE_LIMIT",
    "AltegioApiError",
    "AltegioAuthenticationError",
    "AltegioBadRequestError",
    "AltegioConfigError",
    "AltegioError",
    "AltegioInsufficientFundsError",
    "AltegioInternalServerError",
    "AltegioLoginError",
    "AltegioNetworkError",
    "AltegioNotFoundError",
    "AltegioPermissionDeniedError",
    "AltegioRateLimitError",
    "AltegioTimeoutError",
    "AltegioUnprocessableEntityError",
    "AltegioUserTokenRequiredError",
    "DEFAULT_BASE_URL",
    "DEFAULT_RETRY",
    "createAltegioClient",
    "createRateLimiter",
    "isAltegioApiError",
    "isAltegioConfigError",
    "isAltegioError",
    "isAltegioNetworkError",
    "isAltegioTimeoutError",
    "login",
    "paginate",
  ],
  "./campaigns": [
    "CampaignInputError",
    "CampaignSendError",
    "DuplicateSendError",
    "IdempotencyRegistry",
    "MESSAGE_STATUS_NAMES",
    "analyzeSmsText",
    "countMatchingClients",
    "getLocationNotificationTypes",
    "getUserNotificationSettings",
    "messageStatusName",
    "reportDeliveryStatus",
    "sendEmailCampaign",
    "sendSmsCampaign",
    "updateUserNotificationSettings",
  ],
  "./redis-rate-limit": ["AltegioRateLimiterUnavailableError", "createRedisRateLimiter"],
  // The verifier: a run, and the summary a caller prints (the bin prints the same).
  "./verify": ["formatSummary", "verify"],
  "./webhooks": [
    "AltegioWebhookError",
    "createWebhookHandler",
    "isAltegioWebhookError",
    "parseWebhook",
    "webhookResources",
    "webhookStatuses",
  ],
};

type Conditions = { types?: string; import?: string };
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  exports: Record<string, string | Conditions>;
};

/** package.json's code entries (not `./package.json`), each mapped from dist/ back to its source. */
const entries = Object.entries(pkg.exports)
  .filter((e): e is [string, Conditions] => typeof e[1] === "object")
  .map(([subpath, conditions]) => {
    const built = conditions.import ?? "";
    const source = built.replace(/^\.\/dist\//, "").replace(/\.js$/, ".ts");
    return { subpath, built, source };
  });

describe("exported names per entry point", () => {
  it("every package.json entry point has a pin, and every pin an entry point", () => {
    expect(entries.map((e) => e.subpath).sort()).toEqual(Object.keys(PINNED).sort());
  });

  it("each entry lists `types` first and maps dist/ to an existing source file", () => {
    for (const { subpath, built, source } of entries) {
      const conditions = pkg.exports[subpath] as Conditions;
      expect(Object.keys(conditions)[0], subpath).toBe("types");
      expect(conditions.types, subpath).toBe(built.replace(/\.js$/, ".d.ts"));
      expect(() => readFileSync(source), `${subpath} → ${source}`).not.toThrow();
    }
  });

  for (const { subpath, source } of entries) {
    it(`${subpath === "." ? "altegio-b2b" : `altegio-b2b/${subpath.slice(2)}`} exports exactly the pinned names`, async () => {
      const mod = (await import(pathToFileURL(source).href)) as Record<string, unknown>;
      expect(Object.keys(mod).sort()).toEqual([...(PINNED[subpath] ?? [])].sort());
    });
  }
});
