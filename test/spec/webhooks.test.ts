/** openapi.yaml's webhook events (x-webhooks + Webhook*Event components) against the recorded deliveries. */
import { describe, expect, it } from "vitest";
import { WEBHOOK_RESOURCES } from "../../scripts/lib/spec/webhook-resources.js";
import { recordedDeliveries } from "../unit/webhooks/recorded-deliveries.js";
import { deref, type Json, loadSpec, SchemaValidator } from "./support/openapi.js";

const spec = loadSpec();
const schemas = (spec.components as Json).schemas as Json;
const validator = new SchemaValidator(spec);
const DELIVERY = { $ref: "#/components/schemas/WebhookDelivery" };
const eventName = (kind: string) =>
  `Webhook${kind
    .split("_")
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join("")}Event`;

describe("x-webhooks", () => {
  const webhooks = spec["x-webhooks"] as Json;

  it("has one POST per resource kind, each taking a WebhookDelivery", () => {
    expect(Object.keys(webhooks)).toEqual(WEBHOOK_RESOURCES.map((r) => r.kind));
    for (const [kind, item] of Object.entries(webhooks)) {
      const post = (item as Json).post as Json;
      expect(post.operationId).toBe(`webhook_${kind}`);
      expect(((post.requestBody as Json).content as Json)["application/json"]).toEqual({ schema: DELIVERY });
    }
  });

  it("types each kind's event: the envelope required, resource fixed, data the entity (or PHP's [])", () => {
    for (const { kind } of WEBHOOK_RESOURCES) {
      const event = schemas[eventName(kind)] as Json;
      expect(event.required).toEqual(["company_id", "resource", "resource_id", "status", "data"]);
      const properties = event.properties as Json;
      expect(properties.resource).toEqual({ type: "string", enum: [kind] });
      const [entity, empty] = (properties.data as Json).anyOf as Json[];
      expect(empty).toEqual({ type: "array", maxItems: 0, items: {} });
      const target = deref(spec, entity);
      expect(target?.type, `${kind}: data points at an object schema`).toBe("object");
      expect(Object.keys(target?.properties as Json).length).toBeGreaterThan(3);
      expect(event["x-altegio-evidence"]).toEqual(expect.any(String));
    }
    const mapping = ((schemas.WebhookEvent as Json).discriminator as Json).mapping as Json;
    expect(Object.keys(mapping)).toEqual(WEBHOOK_RESOURCES.map((r) => r.kind));
  });
});

describe("recorded deliveries validate against openapi.yaml", () => {
  const deliveries = recordedDeliveries();

  it.each(deliveries.map((d) => [d.file, d] as const))(
    "%s is a valid WebhookDelivery of its kind",
    (_f, delivery) => {
      expect(
        validator.check({ $ref: `#/components/schemas/${eventName(delivery.kind)}` }, delivery.body),
      ).toBeUndefined();
      expect(validator.check(DELIVERY, delivery.body)).toBeUndefined();
      expect(validator.check(DELIVERY, [delivery.body, delivery.body])).toBeUndefined();
    },
  );

  it("refuses a delivery with a string id, an unknown status or a missing data (the schemas can fail)", () => {
    const body = deliveries[0]?.body as Json;
    expect(validator.check(DELIVERY, { ...body, resource_id: String(body.resource_id) })).toBeDefined();
    expect(validator.check(DELIVERY, { ...body, status: "archive" })).toBeDefined();
    const { data: _data, ...noData } = body;
    expect(validator.check(DELIVERY, noData)).toBeDefined();
    expect(validator.check(DELIVERY, { ...body, resource: "spaceship" })).toBeDefined();
  });
});
