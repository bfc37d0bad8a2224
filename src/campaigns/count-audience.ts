/**
 * How many clients a by_filter campaign would reach, for the dry run.
 *
 * Counted with the client list operation GET /clients/{location_id}
 * (pages/clients/deprecated_get_client_list.md): it takes the very same substring filters as
 * the by_filter sends (`fullname`, `phone`, `email`, `card`, "part of the name/number") and
 * returns `meta.total_count`. The newer POST /company/{location_id}/clients/search has no
 * per-field substring filter (only `quick_search` across fields), so its count would not be
 * the same audience. One page of one client is asked for: only the total is read.
 */
import { AltegioApiError } from "../errors/altegio-api-error.js";
import { type CampaignFilter, type FilterQuoting, filterQuery } from "./audience.js";
import { type CampaignClient, loose } from "./client-shape.js";

/**
 * Count the clients of a location matching `filter` (all clients for an empty filter).
 *
 * @example
 * await countMatchingClients(client, 1, { fullname: "Joh" }); // 42
 */
export async function countMatchingClients(
  client: CampaignClient,
  locationId: number,
  filter: CampaignFilter,
  quoting: FilterQuoting = "plain",
): Promise<number> {
  const { data, response } = await loose(client).GET("/clients/{location_id}", {
    params: {
      path: { location_id: locationId },
      query: { ...filterQuery(filter, quoting), page: 1, count: 1 },
    },
  });
  const total = (data as { meta?: { total_count?: unknown } } | undefined)?.meta?.total_count;
  if (typeof total !== "number" || !Number.isInteger(total) || total < 0) {
    throw new AltegioApiError(
      {
        status: response.status,
        method: "GET",
        pathTemplate: "/clients/{location_id}",
        url: response.url,
        headers: response.headers,
        body: data,
      },
      "The client list answered without a meta.total_count, so the audience cannot be counted",
    );
  }
  return total;
}
