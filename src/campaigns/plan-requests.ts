/**
 * Turn a checked campaign into the list of requests it makes: one by_id request per chunk of
 * client ids, or a single by_filter request (filters in the query, content in the body).
 */
import { filterQuery, type ResolvedAudience } from "./audience.js";
import { chunkIds, DEFAULT_CHUNK_SIZE } from "./chunks.js";
import type { LooseInit } from "./client-shape.js";
import type { CampaignOptions } from "./options.js";
import type { SmsTextAnalysis } from "./sms-segments.js";
import type { CampaignChannel, CampaignPath } from "./types.js";

/** One request to make. */
export interface Plan {
  pathTemplate: CampaignPath;
  init: LooseInit;
  clientIds: number[] | null;
}

/** What the SMS/email front ends hand over once their own checks passed. */
export interface CampaignSpec {
  channel: CampaignChannel;
  locationId: number;
  /** The body fields besides `client_ids` (`text`, and `subject` for email). */
  content: Record<string, string>;
  sms?: SmsTextAnalysis;
  options: CampaignOptions;
}

const PATHS = {
  sms: { byId: "/sms/clients/by_id/{location_id}", byFilter: "/sms/clients/by_filter/{location_id}" },
  email: { byId: "/email/clients/by_id/{location_id}", byFilter: "/email/clients/by_filter/{location_id}" },
} as const satisfies Record<CampaignChannel, { byId: CampaignPath; byFilter: CampaignPath }>;

/**
 * The requests a campaign makes, in order.
 *
 * @example
 * planRequests(spec, { kind: "clientIds", clientIds: [1, 2, 3], duplicatesRemoved: 0 }); // 1 by_id request
 */
export function planRequests(spec: CampaignSpec, audience: ResolvedAudience): Plan[] {
  const paths = PATHS[spec.channel];
  const path = { location_id: spec.locationId };
  if (audience.kind === "clientIds") {
    return chunkIds(audience.clientIds, spec.options.chunkSize ?? DEFAULT_CHUNK_SIZE).map((ids) => ({
      pathTemplate: paths.byId,
      init: { params: { path }, body: { client_ids: ids, ...spec.content } },
      clientIds: ids,
    }));
  }
  // allClients is the same by_filter operation with no filter: the vendor's "entire database".
  const query = audience.kind === "filter" ? filterQuery(audience.filter, spec.options.filterQuoting) : {};
  return [
    {
      pathTemplate: paths.byFilter,
      init: { params: { path, query }, body: { ...spec.content } },
      clientIds: null,
    },
  ];
}
