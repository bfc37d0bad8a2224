/**
 * Webhook events (issue 15): the deliveries Altegio POSTs to the URLs set with
 * `/hooks_settings/{location_id}`, as component schemas plus a root `x-webhooks` map.
 *
 * Why `x-webhooks` and not `callbacks`: OpenAPI 3.0 has no `webhooks` (3.1 does, and Dredd reads
 * no 3.1). A callback would hang the events on the settings operation, and Prism, which runs
 * callbacks when it mocks their operation, would then try to POST to every URL a test registers.
 * `x-webhooks` is the Redocly convention for 3.0 (the vendor's docs are Redocly's), is ignored by
 * Prism and Dredd, and the schemas it points at are ordinary components, so openapi-typescript
 * types them.
 *
 * Sources: the YCLIENTS blueprint's "Уведомления о событиях webhooks" group (the envelope
 * `{company_id, resource, resource_id, status, data}`, "data: the same fields as the entity
 * through the API", the resource list and the settings keys) and the recorded deliveries in
 * spec/evidence (record, client, staff, good, goods_operations_*), whose `resource` values match
 * the settings keys; `company` is the blueprint's own name for the location resource.
 *
 * `data` points at the entity's component when the document has one, else at a copy of the `data`
 * item of the operation that reads that entity, so events are typed whatever the entity pass made.
 */

import { isRecord } from "../../../src/internal/is-record.js";
import { WEBHOOK_RESOURCES, WEBHOOK_STATUSES } from "./webhook-resources.js";

type Json = Record<string, unknown>;

const SUCCESS = /^2\d\d$/;

function componentName(kind: string): string {
  return kind
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

function resolve(doc: Json, schema: unknown): unknown {
  let current = schema;
  for (let hops = 0; isRecord(current) && typeof current.$ref === "string" && hops < 10; hops++) {
    const path = current.$ref.replace(/^#\//, "").split("/");
    let target: unknown = doc;
    for (const segment of path)
      target = isRecord(target) ? target[segment.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
    current = target;
  }
  return current;
}

/** Every schema of `data` in an enveloped body: its own, and those of its allOf members. */
function dataCandidates(doc: Json, body: unknown): unknown[] {
  const schema = resolve(doc, body);
  if (!isRecord(schema)) return [];
  const own = isRecord(schema.properties) && schema.properties.data ? [schema.properties.data] : [];
  const members = Array.isArray(schema.allOf) ? schema.allOf : [];
  return [...own, ...members.flatMap((member) => dataCandidates(doc, member))];
}

/** An object schema with fields (the shared envelope's `data` is untyped, a page's is not). */
function typedObject(doc: Json, schema: unknown): Json | undefined {
  let data = resolve(doc, schema);
  if (isRecord(data) && data.type === "array") data = resolve(doc, data.items);
  return isRecord(data) && isRecord(data.properties) && Object.keys(data.properties).length > 0
    ? data
    : undefined;
}

function findOperation(doc: Json, operationId: string): Json | undefined {
  for (const item of Object.values(isRecord(doc.paths) ? doc.paths : {})) {
    if (!isRecord(item)) continue;
    for (const operation of Object.values(item)) {
      if (isRecord(operation) && operation.operationId === operationId) return operation;
    }
  }
  return undefined;
}

/** A deep copy of one entity as the reading operation returns it (one item when `data` is a list). */
function entityFromOperation(doc: Json, operationId: string): Json {
  const operation = findOperation(doc, operationId);
  if (!operation) throw new Error(`webhooks: operation ${operationId} is not in the document`);
  const responses = isRecord(operation.responses) ? operation.responses : {};
  for (const [status, response] of Object.entries(responses)) {
    if (!SUCCESS.test(status) || !isRecord(response) || !isRecord(response.content)) continue;
    for (const media of Object.values(response.content)) {
      if (!isRecord(media)) continue;
      for (const candidate of dataCandidates(doc, media.schema)) {
        const data = typedObject(doc, candidate);
        if (data) return structuredClone(data);
      }
    }
  }
  throw new Error(`webhooks: ${operationId} has no enveloped data schema to type its webhook events`);
}

const PHP_EMPTY = { type: "array", maxItems: 0, items: {} };
const PHP_EMPTY_EVIDENCE =
  "spec/evidence/responses/yclients-011.json..-013.json (master, supplier, service, client: []) and -016.json (position: [])";

/**
 * Deliveries encode an unset nested object as `[]` (PHP's empty array): each object-typed field
 * of a copied `data` schema also accepts an empty array, and stays typed otherwise.
 */
function allowPhpEmptyObjects(data: Json): Json {
  const properties = isRecord(data.properties) ? data.properties : {};
  for (const [name, field] of Object.entries(properties)) {
    if (!isRecord(field) || field.type !== "object") continue;
    const { description, ...object } = field;
    properties[name] = {
      ...(description === undefined ? {} : { description }),
      anyOf: [object, PHP_EMPTY],
      "x-altegio-evidence": PHP_EMPTY_EVIDENCE,
    };
  }
  return data;
}

/** Adds the event schemas and `x-webhooks`; the names it adds are returned for the build report. */
export function addWebhooks(doc: Json): string[] {
  const components = (isRecord(doc.components) ? doc.components : {}) as Json;
  const schemas = (isRecord(components.schemas) ? components.schemas : {}) as Json;
  components.schemas = schemas;
  doc.components = components;
  const added: string[] = [];
  const add = (name: string, schema: Json) => {
    if (schemas[name]) throw new Error(`webhooks: component ${name} already exists`);
    schemas[name] = schema;
    added.push(name);
  };

  add("WebhookEventStatus", {
    type: "string",
    description: "What happened to the resource.",
    enum: [...WEBHOOK_STATUSES],
  });

  const mapping: Record<string, string> = {};
  const webhooks: Json = {};
  for (const resource of WEBHOOK_RESOURCES) {
    const base = componentName(resource.kind);
    const entity = resource.entities.find((name) => schemas[name]);
    // The fallback is named after the entity it stands for, shared by the kinds that carry it.
    const dataName = entity ?? `Webhook${resource.entities[0]}Data`;
    if (!schemas[dataName]) {
      add(dataName, {
        ...allowPhpEmptyObjects(entityFromOperation(doc, resource.operationId)),
        "x-altegio-webhook-data-from": resource.operationId,
      });
    }
    const dataRef = `#/components/schemas/${dataName}`;
    const eventName = `Webhook${base}Event`;
    add(eventName, {
      type: "object",
      description: `${resource.description} The delivery's \`data\` has the fields the API returns for it.`,
      required: ["company_id", "resource", "resource_id", "status", "data"],
      properties: {
        company_id: { type: "integer", description: "The location (company) the event happened in." },
        resource: { type: "string", enum: [resource.kind] },
        resource_id: { type: "integer", description: "The id of the resource that changed." },
        status: { $ref: "#/components/schemas/WebhookEventStatus" },
        data: {
          description:
            "The resource as the API returns it. PHP sends an empty object as `[]`: an empty array stands for no fields.",
          anyOf: [{ $ref: dataRef }, PHP_EMPTY],
        },
      },
      "x-altegio-evidence": resource.evidence,
    });
    mapping[resource.kind] = `#/components/schemas/${eventName}`;
    webhooks[resource.kind] = {
      post: {
        operationId: `webhook_${resource.kind}`,
        summary: resource.description,
        description: `Sent when \`${resource.settingsKey}\` is 1 in the webhook settings (POST /hooks_settings/{location_id}).`,
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/WebhookDelivery" } } },
        },
        responses: { "200": { description: "Any 2xx acknowledges the delivery." } },
      },
    };
  }

  add("WebhookEvent", {
    description: "One webhook event; `resource` tells which.",
    oneOf: Object.values(mapping).map(($ref) => ({ $ref })),
    discriminator: { propertyName: "resource", mapping },
  });
  add("WebhookDelivery", {
    description: "A delivery's body: one event, or several in an array.",
    oneOf: [
      { $ref: "#/components/schemas/WebhookEvent" },
      { type: "array", items: { $ref: "#/components/schemas/WebhookEvent" } },
    ],
  });
  doc["x-webhooks"] = webhooks;
  return added;
}
