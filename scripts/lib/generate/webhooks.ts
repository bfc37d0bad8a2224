/**
 * generated/webhooks.ts: the webhook resource kinds and event statuses of openapi.yaml
 * (root `x-webhooks` and the `WebhookEventStatus` component), which `altegio-b2b/webhooks`
 * checks deliveries against at run time. From the spec, like operations.ts holds security.
 */
type Json = Record<string, unknown>;

export function renderWebhooks(spec: Json, header: string[]): string {
  const webhooks = spec["x-webhooks"];
  const kinds = webhooks && typeof webhooks === "object" ? Object.keys(webhooks) : [];
  const schemas = ((spec.components as Json | undefined)?.schemas ?? {}) as Json;
  const statuses = ((schemas.WebhookEventStatus as Json | undefined)?.enum ?? []) as unknown[];
  if (kinds.length === 0 || statuses.length === 0) {
    throw new Error("openapi.yaml: x-webhooks or components.schemas.WebhookEventStatus is missing");
  }
  return [
    ...header,
    "/** The `resource` of every webhook event the API sends (root `x-webhooks` of openapi.yaml). */",
    `export const webhookResources = ${JSON.stringify(kinds)} as const;`,
    "",
    "/** The `status` of a webhook event (components.schemas.WebhookEventStatus). */",
    `export const webhookStatuses = ${JSON.stringify(statuses)} as const;`,
    "",
  ].join("\n");
}
