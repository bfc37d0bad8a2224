/**
 * altegio-b2b/webhooks: typed webhook events (from openapi.yaml's `x-webhooks`), a parser and a
 * framework-free receiver. See docs/webhooks.md. This file only re-exports.
 */

export { webhookResources, webhookStatuses } from "../../generated/webhooks.js";
export { AltegioWebhookError, isAltegioWebhookError, type WebhookProblem } from "./altegio-webhook-error.js";
export {
  createWebhookHandler,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from "./create-webhook-handler.js";
export { type ParsedWebhook, parseWebhook } from "./parse-webhook.js";
export type { WebhookEvent, WebhookEventOf, WebhookResource, WebhookStatus } from "./types.js";
