import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { webhookResources, webhookStatuses } from "../../../generated/webhooks.js";
import { isAltegioError } from "../../../src/errors/is-altegio-error.js";
import { AltegioWebhookError, isAltegioWebhookError, parseWebhook } from "../../../src/webhooks/index.js";
import { recordedDeliveries } from "./recorded-deliveries.js";

const event = (over: Record<string, unknown> = {}) => ({
  company_id: 4564,
  resource: "record",
  resource_id: 2,
  status: "update",
  data: { id: 2 },
  ...over,
});

describe("parseWebhook: recorded deliveries", () => {
  const deliveries = recordedDeliveries();

  it("finds the recorded deliveries (at least the 11 webhook files of the evidence)", () => {
    expect(deliveries.length).toBeGreaterThanOrEqual(11);
  });

  it.each(deliveries.map((d) => [d.file, d] as const))(
    "%s parses to one event of its kind",
    (_file, delivery) => {
      for (const body of [
        delivery.body,
        JSON.stringify(delivery.body),
        new TextEncoder().encode(JSON.stringify(delivery.body)),
      ]) {
        const { events, errors } = parseWebhook(body);
        expect(errors).toEqual([]);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ resource: delivery.kind, status: delivery.status });
      }
    },
  );

  it("reads an array delivery of every recorded kind at once, in order", () => {
    const { events, errors } = parseWebhook(deliveries.map((d) => d.body));
    expect(errors).toEqual([]);
    expect(events.map((e) => e.resource)).toEqual(deliveries.map((d) => d.kind));
  });
});

describe("parseWebhook: malformed input", () => {
  it("keeps the good events of a mixed delivery and names each problem", () => {
    const { events, errors } = parseWebhook([
      event(),
      event({ resource: "spaceship" }),
      event({ resource: "client", resource_id: "17" }),
      "not an event",
      event({ resource: "good", status: "archive" }),
      event({ resource: "staff", data: null }),
      event({ resource: "staff", data: [] }),
    ]);
    expect(events.map((e) => [e.resource, e.status])).toEqual([
      ["record", "update"],
      ["staff", "update"],
    ]);
    expect(errors.map((e) => [e.index, e.problem, e.field])).toEqual([
      [1, "unknown-resource", "resource"],
      [2, "invalid-field", "resource_id"],
      [3, "not-an-event", undefined],
      [4, "invalid-field", "status"],
      [5, "invalid-field", "data"],
    ]);
    expect(errors[0]?.message).toBe('event 1: unknown resource "spaceship"');
    expect(errors[2]?.message).toBe("event 3: is string, not an object");
    for (const error of errors) {
      expect(error).toBeInstanceOf(AltegioWebhookError);
      expect(isAltegioError(error)).toBe(true);
      expect(isAltegioWebhookError(error)).toBe(true);
    }
  });

  it("throws for a body that is not JSON, or neither an event nor an array", () => {
    expect(() => parseWebhook("{oops")).toThrow(AltegioWebhookError);
    expect(() => parseWebhook("{oops")).toThrow("webhook body is not JSON");
    expect(() => parseWebhook("42")).toThrow("webhook body is number, not an event or an array of events");
    expect(() => parseWebhook(null)).toThrow(/null/);
  });

  it("never puts a value of the delivery in an error (client data)", () => {
    const canary = "Canary-Name-+70000000000";
    const { errors } = parseWebhook([
      event({ resource: "client", company_id: canary, data: { name: canary } }),
      event({ resource: "client", status: canary, data: { phone: canary } }),
      event({ resource: "client", data: canary }),
    ]);
    expect(errors).toHaveLength(3);
    for (const error of errors) {
      expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(canary);
    }
  });

  it("accepts an empty delivery array as no events", () => {
    expect(parseWebhook("[]")).toEqual({ events: [], errors: [] });
  });
});

describe("parseWebhook: properties", () => {
  const id = fc.integer({ min: 1, max: 2 ** 40 });
  const valid = fc.record({
    company_id: id,
    resource: fc.constantFrom(...webhookResources),
    resource_id: id,
    status: fc.constantFrom(...webhookStatuses),
    data: fc.oneof(
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
      fc.constant([]),
    ),
  });

  it("returns every well-formed event of a delivery, in order", () => {
    fc.assert(
      fc.property(fc.array(valid, { maxLength: 8 }), (delivery) => {
        const text = JSON.stringify(delivery);
        const { events, errors } = parseWebhook(text);
        expect(errors).toEqual([]);
        // Compared with the JSON round trip of the input (-0 becomes 0 in JSON).
        expect(events).toEqual(JSON.parse(text));
      }),
      { numRuns: 200 },
    );
  });

  it("reports exactly the broken field of a broken event and keeps the rest", () => {
    const broken = fc.constantFrom("company_id", "resource", "resource_id", "status", "data");
    const badValue = fc.oneof(
      fc.constant(null),
      fc.constant("x"),
      fc.constant(1.5),
      fc.constant([1]),
      fc.constant(true),
    );
    fc.assert(
      fc.property(
        fc.array(valid, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        broken,
        badValue,
        (delivery, at, field, value) => {
          const index = at % delivery.length;
          const copy: Record<string, unknown>[] = delivery.map((e) => ({ ...e }));
          // A string is a valid status or resource only when it is one of theirs; "x" is neither.
          (copy[index] as Record<string, unknown>)[field] = value;
          const { events, errors } = parseWebhook(copy);
          expect(events).toHaveLength(delivery.length - 1);
          expect(errors).toHaveLength(1);
          expect(errors[0]).toMatchObject({ index, field });
        },
      ),
      { numRuns: 300 },
    );
  });
});
