/**
 * `maxRecipients`: an opt-in cap on how many clients a real send may reach. The empty-filter
 * guard stops "no filter at all"; this stops a filter that is technically there but matches
 * nearly everyone (`{ phone: "1" }`). For a filter or allClients the audience is counted first
 * with the client list (count-audience.ts); if it cannot be counted, nothing is sent.
 */
import type { FilterQuoting, ResolvedAudience } from "./audience.js";
import type { CampaignClient } from "./client-shape.js";
import { countMatchingClients } from "./count-audience.js";
import { CampaignInputError } from "./errors.js";

/**
 * Throw CampaignInputError on `maxRecipients` when the audience is larger than `max`.
 * Count failures propagate as the client's error (nothing was sent).
 *
 * @example
 * await enforceRecipientCap(client, 1, { kind: "filter", filter: { phone: "1" } }, 500); // throws if > 500 match
 */
export async function enforceRecipientCap(
  client: CampaignClient,
  locationId: number,
  audience: ResolvedAudience,
  max: number,
  quoting?: FilterQuoting,
): Promise<number> {
  const count =
    audience.kind === "clientIds"
      ? audience.clientIds.length
      : await countMatchingClients(
          client,
          locationId,
          audience.kind === "filter" ? audience.filter : {},
          quoting,
        );
  if (count > max) {
    throw new CampaignInputError(
      "maxRecipients",
      `the audience has ${count} clients, more than maxRecipients ${max}; nothing was sent`,
    );
  }
  return count;
}
