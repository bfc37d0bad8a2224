/**
 * Checks on the message text, run before any request: an empty SMS or email is refused
 * (the vendor pages do not say what the server does with one, and a blank campaign still
 * costs money), and an SMS longer than the allowed number of segments is refused.
 */
import { CampaignInputError } from "./errors.js";
import { analyzeSmsText, type SmsTextAnalysis } from "./sms-segments.js";

/**
 * Default cap on SMS segments: 5 segments = 765 GSM-7 characters or 335 UCS-2 ones. A longer
 * text is most often a mistake (a pasted email, an emoji that switched the text to UCS-2 and
 * more than doubled the price); pass `maxSegments` to allow more.
 */
export const DEFAULT_MAX_SMS_SEGMENTS = 5;

function requireText(field: string, value: unknown): string {
  if (typeof value !== "string") throw new CampaignInputError(field, `must be a string, got ${typeof value}`);
  if (value.trim() === "") throw new CampaignInputError(field, "must not be empty or only whitespace");
  return value;
}

/**
 * Validate an SMS text and return its encoding and segment count.
 *
 * @example
 * checkSmsText("Sale today!");                     // { encoding: "GSM-7", segments: 1, ... }
 * checkSmsText("x".repeat(400), { maxSegments: 2 }); // throws CampaignInputError (3 segments)
 */
export function checkSmsText(text: unknown, options: { maxSegments?: number } = {}): SmsTextAnalysis {
  const max = options.maxSegments ?? DEFAULT_MAX_SMS_SEGMENTS;
  if (!Number.isInteger(max) || max < 1) {
    throw new CampaignInputError("maxSegments", `must be a positive integer, got ${String(max)}`);
  }
  const analysis = analyzeSmsText(requireText("text", text));
  if (analysis.segments > max) {
    const hint =
      analysis.encoding === "UCS-2"
        ? ` (UCS-2 because of ${analysis.nonGsmCharacters
            .slice(0, 5)
            .map((c) => JSON.stringify(c))
            .join(", ")})`
        : "";
    throw new CampaignInputError(
      "text",
      `is ${analysis.segments} SMS segments (${analysis.units} ${analysis.encoding} units${hint}), ` +
        `more than maxSegments ${max}`,
    );
  }
  return analysis;
}

/**
 * Validate an email campaign's subject and text (both required by the vendor pages).
 *
 * @example
 * checkEmailContent("Important!", "Dear clients, ..."); // ok
 * checkEmailContent("  ", "Dear clients");              // throws CampaignInputError on "subject"
 */
export function checkEmailContent(subject: unknown, text: unknown): void {
  requireText("subject", subject);
  requireText("text", text);
}
