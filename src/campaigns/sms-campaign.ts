/**
 * Send an SMS campaign (POST /sms/clients/by_id|by_filter/{location_id}) safely.
 * Vendor pages: pages/notifications/send_sms_to_clients.md and, for by_filter, the seed
 * spec/seeds/000_a83c03cb8f062dda.txt (its page is missing from the store).
 */

import { checkLocationId } from "./check-ids.js";
import type { CampaignClient } from "./client-shape.js";
import type { CampaignOptions } from "./options.js";
import { runCampaign } from "./send-campaign.js";
import { checkSmsText } from "./text-checks.js";
import type { CampaignDryRun, CampaignResult } from "./types.js";

export interface SmsCampaignOptions extends CampaignOptions {
  /** Refuse texts longer than this many SMS segments (default 5, see DEFAULT_MAX_SMS_SEGMENTS). */
  maxSegments?: number;
}

/**
 * Send (or, with `dryRun: true`, describe) an SMS campaign.
 *
 * The audience must be explicit: `{ clientIds }` (chunked by_id requests), `{ filter }`
 * (one by_filter request; an empty or blank filter is refused because the vendor would mail
 * the entire database), or `{ allClients: true }`. Filter values are sent as plain substrings
 * (`fullname=Joh`), not in the vendor examples' literal quotes; `filterQuoting: "quoted"`
 * changes that. The text is checked first (not blank; at most `maxSegments` segments) and its
 * encoding and segment count are returned in `sms`. Nothing is retried; a failure throws
 * CampaignSendError with the per-chunk result (`cause` is e.g. AltegioInsufficientFundsError on 402).
 *
 * @example
 * const preview = await sendSmsCampaign(client, 1, {
 *   audience: { filter: { fullname: "Joh" } }, text: "Sale today!", dryRun: true,
 * });
 * preview.matchingClients; // how many would get it
 * const sent = await sendSmsCampaign(client, 1, {
 *   audience: { clientIds: [1, 2, 3] }, text: "Sale today!", idempotencyKey: "sale-2026-11-23",
 * });
 * sent.sms?.segments; // 1
 */
export function sendSmsCampaign(
  client: CampaignClient,
  locationId: number,
  options: SmsCampaignOptions & { dryRun: true },
): Promise<CampaignDryRun>;
export function sendSmsCampaign(
  client: CampaignClient,
  locationId: number,
  options: SmsCampaignOptions & { dryRun?: false },
): Promise<CampaignResult>;
export function sendSmsCampaign(
  client: CampaignClient,
  locationId: number,
  options: SmsCampaignOptions,
): Promise<CampaignResult | CampaignDryRun>;
export async function sendSmsCampaign(
  client: CampaignClient,
  locationId: number,
  options: SmsCampaignOptions,
): Promise<CampaignResult | CampaignDryRun> {
  const sms = checkSmsText(
    options?.text,
    options?.maxSegments === undefined ? {} : { maxSegments: options.maxSegments },
  );
  return runCampaign(client, {
    channel: "sms",
    locationId: checkLocationId(locationId),
    content: { text: options.text },
    sms,
    options,
  });
}
