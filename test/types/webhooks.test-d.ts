/** Type tests: webhook events are a union discriminated on `resource` and `status`, typed from the spec. */
import { describe, expectTypeOf, it } from "vitest";
import type { components } from "../../generated/schema.js";
import type {
  WebhookEvent,
  WebhookEventOf,
  WebhookResource,
  WebhookStatus,
} from "../../src/webhooks/index.js";

declare const event: WebhookEvent;

describe("WebhookEvent", () => {
  it("narrows data by resource", () => {
    if (event.resource === "record") {
      type Data = components["schemas"]["WebhookRecordEvent"]["data"];
      expectTypeOf(event.data).toEqualTypeOf<Data>();
      // @ts-expect-error a record event is not a client event
      expectTypeOf(event.resource).toEqualTypeOf<"client">();
    }
    if (event.resource === "good" && event.status === "delete") {
      expectTypeOf(event).toMatchTypeOf<WebhookEventOf<"good">>();
      expectTypeOf(event.status).toEqualTypeOf<"delete">();
    }
  });

  it("has the spec's resource kinds and statuses", () => {
    expectTypeOf<WebhookStatus>().toEqualTypeOf<"create" | "update" | "delete">();
    expectTypeOf<"record">().toMatchTypeOf<WebhookResource>();
    expectTypeOf<"goods_operations_sale">().toMatchTypeOf<WebhookResource>();
    // @ts-expect-error not a webhook resource
    expectTypeOf<"spaceship">().toMatchTypeOf<WebhookResource>();
    expectTypeOf<WebhookEventOf<"client">["resource"]>().toEqualTypeOf<"client">();
    expectTypeOf<WebhookEventOf<"client">["company_id"]>().toEqualTypeOf<number>();
  });
});

declare const client: import("../../src/index.js").AltegioClient;

describe("webhook settings (POST /hooks_settings/{location_id})", () => {
  it("takes urls as an array and snake_case flags; a single url or camelCase keys do not compile", () => {
    const params = { path: { location_id: 1 } };
    void client.POST("/hooks_settings/{location_id}", {
      params,
      body: { urls: ["https://x"], active: 1, record: 1 },
    });
    // @ts-expect-error `url` (a string) is not a field: the API takes `urls`
    void client.POST("/hooks_settings/{location_id}", { params, body: { url: "https://x", active: 1 } });
    void client.POST("/hooks_settings/{location_id}", {
      params,
      // @ts-expect-error camelCase keys switch nothing on
      body: { urls: ["https://x"], active: 1, goodsOperationsSale: 1 },
    });
    // @ts-expect-error flags are 0 or 1
    void client.POST("/hooks_settings/{location_id}", { params, body: { urls: [], active: 2 } });
  });
});
