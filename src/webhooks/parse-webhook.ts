import { webhookResources, webhookStatuses } from "../../generated/webhooks.js";
import { isRecord } from "../internal/is-record.js";
import { AltegioWebhookError } from "./altegio-webhook-error.js";
import type { WebhookEvent } from "./types.js";

/** What {@link parseWebhook} found: the usable events in delivery order, and what was wrong with the rest. */
export interface ParsedWebhook {
  events: WebhookEvent[];
  errors: AltegioWebhookError[];
}

const RESOURCES: ReadonlySet<string> = new Set(webhookResources);
const STATUSES: ReadonlySet<string> = new Set(webhookStatuses);

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Undefined when `value` is one usable event, else the first problem, naming the field. */
function checkEvent(value: unknown, index: number): AltegioWebhookError | undefined {
  const fail = (
    problem: "not-an-event" | "unknown-resource" | "invalid-field",
    message: string,
    field?: string,
  ) => new AltegioWebhookError(problem, message, field === undefined ? { index } : { index, field });
  if (!isRecord(value)) return fail("not-an-event", `is ${typeName(value)}, not an object`);
  const { resource, status, data } = value;
  if (typeof resource !== "string")
    return fail("invalid-field", `resource is ${typeName(resource)}, not a string`, "resource");
  if (!RESOURCES.has(resource)) {
    // The kind is a vendor word, not client data; cut it so a hostile body cannot flood logs.
    return fail("unknown-resource", `unknown resource ${JSON.stringify(resource.slice(0, 40))}`, "resource");
  }
  for (const field of ["company_id", "resource_id"] as const) {
    const id = value[field];
    if (typeof id !== "number" || !Number.isSafeInteger(id)) {
      return fail("invalid-field", `${field} is ${typeName(id)}, not an integer`, field);
    }
  }
  if (typeof status !== "string" || !STATUSES.has(status)) {
    return fail("invalid-field", `status is not one of ${webhookStatuses.join(", ")}`, "status");
  }
  // PHP encodes an empty object as []: an empty array is an event without fields.
  if (!isRecord(data) && !(Array.isArray(data) && data.length === 0)) {
    return fail("invalid-field", `data is ${typeName(data)}, not an object`, "data");
  }
  return undefined;
}

function decode(body: unknown): unknown {
  let text: string;
  if (typeof body === "string") text = body;
  else if (body instanceof Uint8Array) text = new TextDecoder().decode(body);
  else if (body instanceof ArrayBuffer) text = new TextDecoder().decode(new Uint8Array(body));
  else return body;
  try {
    return JSON.parse(text);
  } catch {
    throw new AltegioWebhookError("invalid-json", "webhook body is not JSON");
  }
}

/**
 * Reads a webhook delivery: one event or an array of them, as text, bytes or already parsed
 * JSON. Always returns the events as an array; an event that is malformed or of a resource
 * this version does not know goes to `errors` (naming the problem) and the others are still
 * returned. Throws {@link AltegioWebhookError} only when the body as a whole is unusable
 * (not JSON, or neither an object nor an array).
 *
 * Checks the envelope (`company_id`, `resource`, `resource_id`, `status`, `data`), not every
 * field of `data`: a field the API adds must not make an event unreadable.
 *
 * @example
 * const { events, errors } = parseWebhook(await request.text());
 * for (const event of events) if (event.resource === "record") sync(event.data);
 */
export function parseWebhook(body: unknown): ParsedWebhook {
  const value = decode(body);
  if (!isRecord(value) && !Array.isArray(value)) {
    throw new AltegioWebhookError(
      "not-an-event",
      `webhook body is ${typeName(value)}, not an event or an array of events`,
    );
  }
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const result: ParsedWebhook = { events: [], errors: [] };
  items.forEach((item, index) => {
    const error = checkEvent(item, index);
    if (error) result.errors.push(error);
    else result.events.push(item as WebhookEvent);
  });
  return result;
}
