/**
 * `dryRun: true`: describe each request exactly as it would go out (see capture-request.ts)
 * and count the audience, without sending any campaign.
 */
import type { ResolvedAudience } from "./audience.js";
import { captureRequest } from "./capture-request.js";
import type { CampaignClient } from "./client-shape.js";
import { countMatchingClients } from "./count-audience.js";
import { defaultIdempotencyRegistry } from "./idempotency.js";
import type { CampaignSpec, Plan } from "./plan-requests.js";
import type { CampaignDryRun } from "./types.js";

/**
 * The dry-run result for planned requests.
 *
 * @example
 * const preview = await dryRun(client, spec, audience, planRequests(spec, audience));
 * preview.requests[0]?.url;
 */
export async function dryRun(
  client: CampaignClient,
  spec: CampaignSpec,
  audience: ResolvedAudience,
  plans: Plan[],
): Promise<CampaignDryRun> {
  const requests = [];
  for (const p of plans) requests.push(await captureRequest(client, p.pathTemplate, p.init, p.clientIds));
  const result: CampaignDryRun = {
    channel: spec.channel,
    dryRun: true,
    audience: audience.kind,
    requests,
    matchingClients: null,
    duplicatesRemoved: audience.kind === "clientIds" ? audience.duplicatesRemoved : 0,
  };
  if (audience.kind === "clientIds") {
    result.matchingClients = audience.clientIds.length;
  } else {
    const filter = audience.kind === "filter" ? audience.filter : {};
    try {
      result.matchingClients = await countMatchingClients(
        client,
        spec.locationId,
        filter,
        spec.options.filterQuoting,
      );
    } catch (error) {
      // The preview stays useful without the count; say why it is missing.
      result.countError = error instanceof Error ? error.message : String(error);
    }
  }
  if (spec.sms) result.sms = spec.sms;
  const key = spec.options.idempotencyKey;
  if (key !== undefined)
    result.idempotencyKeyUsed = (spec.options.idempotencyRegistry ?? defaultIdempotencyRegistry).has(key);
  return result;
}
