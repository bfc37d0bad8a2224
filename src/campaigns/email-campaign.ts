/**
 * Send an email campaign (POST /email/clients/by_id|by_filter/{location_id}) safely.
 * Vendor pages: pages/notifications/send_email_newsletter_to_clients.md and
 * send_email_campaign_to_filtered_clients.md.
 */

import { checkLocationId } from "./check-ids.js";
import type { CampaignClient } from "./client-shape.js";
import type { CampaignOptions } from "./options.js";
import { runCampaign } from "./send-campaign.js";
import { checkEmailContent } from "./text-checks.js";
import type { CampaignDryRun, CampaignResult } from "./types.js";

export interface EmailCampaignOptions extends CampaignOptions {
  /** Email subject (required by both email pages, not blank). */
  subject: string;
}

/**
 * Send (or, with `dryRun: true`, describe) an email campaign. Same audience rules, chunking,
 * dry run, idempotency and no-retry guarantees as {@link sendSmsCampaign}; the subject is
 * required. The email by_filter page does not list `card` among its query parameters but
 * describes it (ODDITIES.md); it is sent like the others.
 *
 * @example
 * await sendEmailCampaign(client, 1, {
 *   audience: { filter: { email: "@example.com" } },
 *   subject: "Important!",
 *   text: "Dear clients, ...",
 * });
 */
export function sendEmailCampaign(
  client: CampaignClient,
  locationId: number,
  options: EmailCampaignOptions & { dryRun: true },
): Promise<CampaignDryRun>;
export function sendEmailCampaign(
  client: CampaignClient,
  locationId: number,
  options: EmailCampaignOptions & { dryRun?: false },
): Promise<CampaignResult>;
export function sendEmailCampaign(
  client: CampaignClient,
  locationId: number,
  options: EmailCampaignOptions,
): Promise<CampaignResult | CampaignDryRun>;
export async function sendEmailCampaign(
  client: CampaignClient,
  locationId: number,
  options: EmailCampaignOptions,
): Promise<CampaignResult | CampaignDryRun> {
  checkEmailContent(options?.subject, options?.text);
  return runCampaign(client, {
    channel: "email",
    locationId: checkLocationId(locationId),
    // Body field order as on the vendor pages: subject, then text.
    content: { subject: options.subject, text: options.text },
    options,
  });
}
