/**
 * Dry run at the wire: build the request through the real client (base URL, auth and Accept
 * middleware, query serializer) and stop it before the network with a per-request
 * openapi-fetch middleware that answers in place of the server. So the preview is exactly what
 * a send would transmit, not a re-implementation of it.
 */
import type { Middleware } from "openapi-fetch";
import { type CampaignClient, type LooseInit, loose } from "./client-shape.js";
import { CampaignInputError } from "./errors.js";
import type { CampaignPath, PlannedRequest } from "./types.js";

/** Header names never shown in a preview (their values are secrets). */
const SECRET_HEADERS = new Set(["authorization", "cookie", "proxy-authorization"]);

async function describe(request: Request, pathTemplate: CampaignPath, clientIds: number[] | null) {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (!SECRET_HEADERS.has(name.toLowerCase())) headers[name] = value;
  });
  const text = await request.clone().text();
  let body: unknown = text;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text as sent
  }
  const planned: PlannedRequest = {
    method: "POST",
    pathTemplate,
    url: url.href,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
    clientIds,
  };
  return planned;
}

/**
 * Run one POST through `client` up to the moment it would hit the network, and describe it.
 *
 * @example
 * const planned = await captureRequest(client, "/sms/clients/by_id/{location_id}",
 *   { params: { path: { location_id: 1 } }, body: { client_ids: [1], text: "Hi" } }, [1]);
 * planned.url; // "https://api.alteg.io/api/v1/sms/clients/by_id/1"
 */
export async function captureRequest(
  client: CampaignClient,
  pathTemplate: CampaignPath,
  init: LooseInit,
  clientIds: number[] | null,
): Promise<PlannedRequest> {
  let planned: Promise<PlannedRequest> | undefined;
  const stopBeforeNetwork: Middleware = {
    onRequest({ request }) {
      planned = describe(request, pathTemplate, clientIds);
      // Answer like the vendor's 201 so no response middleware has anything to object to.
      return new Response(JSON.stringify({ success: true, data: null, meta: { message: "Dry run" } }), {
        status: 201,
        headers: { "content-type": "application/json" },
      });
    },
  };
  await loose(client).POST(pathTemplate, {
    ...init,
    middleware: [...(init.middleware ?? []), stopBeforeNetwork],
  });
  if (!planned) {
    // Only a client that does not run openapi-fetch's per-request middleware gets here.
    throw new CampaignInputError(
      "client",
      `the dry run could not see the request for POST ${pathTemplate}: pass what createAltegioClient() returns`,
    );
  }
  return planned;
}
