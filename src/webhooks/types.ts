import type { components } from "../../generated/schema.js";
import type { webhookResources, webhookStatuses } from "../../generated/webhooks.js";

/** The `resource` of a webhook event: `record`, `client`, `staff`, `good`, `goods_operations_sale`… */
export type WebhookResource = (typeof webhookResources)[number];
/** The `status` of a webhook event. */
export type WebhookStatus = (typeof webhookStatuses)[number];

type Schemas = components["schemas"];
// One member per resource and status, so `resource` and `status` both narrow `data`.
type PerStatus<E> = E extends unknown
  ? { [S in WebhookStatus]: Omit<E, "status"> & { status: S } }[WebhookStatus]
  : never;

/**
 * One webhook event, typed from openapi.yaml (`components.schemas.WebhookEvent`): a union
 * discriminated on `resource` and `status`. `data` is the resource as the API returns it, or
 * `[]` (PHP's empty object).
 *
 * @example
 * if (event.resource === "record" && event.status === "delete") forget(event.resource_id);
 */
export type WebhookEvent = PerStatus<Schemas["WebhookEvent"]>;

/** The events of one resource kind, e.g. `WebhookEventOf<"record">`. */
export type WebhookEventOf<R extends WebhookResource> = Extract<WebhookEvent, { resource: R }>;
