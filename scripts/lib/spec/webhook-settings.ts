/**
 * GET/POST /hooks_settings/{location_id}: where and for which resources webhook events are sent
 * (issue 15, item 1). Altegio's index has no such operation; the YCLIENTS blueprint documents it
 * (group "Уведомления о событиях webhooks", line 14677: the settings object's table, the GET 200
 * and POST 201 bodies), and calls.tsv shows 8 independent integrations calling both, one of them
 * confirming 403 "Not enough rights" live and another reading 404 as "no settings yet".
 * The fields come from the same table as the event kinds (webhook-resources.ts).
 */
import { WEBHOOK_RESOURCES } from "./webhook-resources.js";

type Json = Record<string, unknown>;

const BLUEPRINT = { path: "/hooks_settings/{company_id}", line: 14677 };
const MEDIA_TYPES = ["application/json", "application/vnd.api.v2+json"];
const EVIDENCE =
  "spec/evidence/calls.tsv: GET and POST /hooks_settings/{company_id} called by 8 integrations (403 'Not enough rights' confirmed live; 404 read as no settings)";

const flag = (what: string) => ({
  type: "integer",
  enum: [0, 1],
  description: `1: send events for ${what}; 0: do not.`,
  example: 1,
});

function content(schema: Json): Json {
  return Object.fromEntries(MEDIA_TYPES.map((type) => [type, { schema }]));
}

function errors(): Json {
  const error = (description: string) => ({
    description,
    content: content({ $ref: "#/components/schemas/ErrorEnvelope" }),
  });
  return {
    "401": error("Unauthorized"),
    "403": error("Forbidden: the user may not change the location's settings"),
    "404": error("Not Found: no webhook settings for the location yet"),
  };
}

function enveloped(description: string): Json {
  return {
    description,
    content: content({
      allOf: [
        { $ref: "#/components/schemas/Envelope" },
        { type: "object", properties: { data: { $ref: "#/components/schemas/WebhookSettings" } } },
      ],
    }),
  };
}

/** Adds the two operations and the WebhookSettings/WebhookSettingsInput components. */
export function addWebhookSettings(doc: Json): void {
  const schemas = (doc.components as Json).schemas as Json;
  const paths = doc.paths as Json;
  const path = "/hooks_settings/{location_id}";
  if (paths[path] || schemas.WebhookSettings) throw new Error(`webhook settings: ${path} already exists`);

  const flags: Json = {};
  for (const resource of WEBHOOK_RESOURCES) {
    flags[resource.settingsKey] ??= flag(`resource \`${resource.kind}\``);
  }
  const urls = {
    type: "array",
    description: "The URLs events are POSTed to (an array: a single `url` string is not a documented field).",
    items: { type: "string", example: "https://hooks.example.com/altegio?secret=…" },
    example: ["https://hooks.example.com/altegio"],
  };
  const active = { ...flag("all resources"), description: "1: webhook events are on; 0: off." };
  schemas.WebhookSettings = {
    type: "object",
    description: "The location's webhook settings: where events go and which resources send them.",
    properties: {
      company_id: { type: "integer", description: "The location (company) id.", example: 37532 },
      urls,
      active,
      ...flags,
    },
    "x-altegio-blueprint": BLUEPRINT,
  };
  schemas.WebhookSettingsInput = {
    type: "object",
    description: "New webhook settings: `urls` and `active`, and a 0/1 flag per resource (snake_case keys).",
    required: ["urls", "active"],
    properties: { urls, active, ...flags },
    "x-altegio-blueprint": BLUEPRINT,
  };

  const common = {
    tags: ["notifications"],
    parameters: [
      {
        name: "location_id",
        in: "path",
        required: true,
        description: "Location ID (`company_id` in the YCLIENTS blueprint).",
        schema: { type: "integer" },
        example: 37532,
      },
    ],
    security: [{ BearerPartnerUser: [] }],
    // Not in the vendor's index or catalog: called in production (evidence), typed from the blueprint.
    "x-altegio-docs": ["evidence", "yclients-blueprint"],
    "x-altegio-evidence": EVIDENCE,
  };
  paths[path] = {
    get: {
      operationId: "get_webhook_settings",
      summary: "Get webhook settings",
      description: "The location's webhook settings. Needs a user with access to the location's settings.",
      ...common,
      "x-altegio-blueprint": { ...BLUEPRINT, method: "GET" },
      responses: { "200": enveloped("OK"), ...errors() },
    },
    post: {
      operationId: "update_webhook_settings",
      summary: "Update webhook settings",
      description:
        "Sets the URLs webhook events go to and which resources send them (see x-webhooks). Needs a user with access to the location's settings.",
      ...common,
      "x-altegio-blueprint": { ...BLUEPRINT, method: "POST" },
      requestBody: {
        required: true,
        content: { "application/json": { schema: { $ref: "#/components/schemas/WebhookSettingsInput" } } },
      },
      responses: { "201": enveloped("Created"), ...errors() },
    },
  };
}
