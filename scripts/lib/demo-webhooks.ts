/**
 * The demo's webhook steps (issue 15): switch the events on with POST /hooks_settings on the mock,
 * start a local receiver (createWebhookHandler on 127.0.0.1, a secret in its URL), deliver a
 * recorded real event to it over HTTP and show what the handler handed on. The receiver's URL
 * holds the secret, so it is registered as a secret and never printed.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { AltegioClient } from "../../src/index.js";
import { createWebhookHandler, type WebhookEvent } from "../../src/webhooks/index.js";
import { secret, step } from "./demo-output.js";

/** A real appointment-update delivery recorded from a live salon (names and phone replaced). */
const RECORDED_DELIVERY = "spec/evidence/responses/yclients-017.json";

export async function webhookSteps(client: AltegioClient, locationId: number): Promise<void> {
  const hookSecret = secret(randomBytes(16).toString("hex"));
  const received: WebhookEvent[] = [];
  let arrived: () => void = () => {};
  const delivered = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const hooks = createWebhookHandler({
    secret: hookSecret,
    onEvent: (event) => {
      received.push(event);
      arrived();
    },
  });
  const server = createServer(hooks.node);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const receiverUrl = secret(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}/altegio?secret=${hookSecret}`,
  );
  try {
    await step(
      "Switch webhook events on (POST /hooks_settings/{location_id}); the receiver URL carries a secret",
      () =>
        client.POST("/hooks_settings/{location_id}", {
          params: { path: { location_id: locationId } },
          body: { urls: [receiverUrl], active: 1, record: 1, client: 1, master: 1, good: 1 },
        }),
      ({ data }) => [
        `saved; the mock answers active: ${data?.data?.active}, urls: ${data?.data?.urls?.length ?? 0}`,
      ],
    );
    await step(
      "Deliver a recorded appointment event to the local receiver (createWebhookHandler)",
      async () => {
        const { body } = JSON.parse(readFileSync(RECORDED_DELIVERY, "utf8")) as { body: unknown };
        const wrong = await fetch(receiverUrl.replace(hookSecret, "wrong"), {
          method: "POST",
          body: JSON.stringify(body),
        });
        const res = await fetch(receiverUrl, {
          method: "POST",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json" },
        });
        await Promise.race([
          delivered,
          new Promise((_, reject) => setTimeout(() => reject(new Error("no event arrived")), 5000)),
        ]);
        return { wrong: wrong.status, status: res.status, events: received };
      },
      (r) => [
        `without the secret: ${r.wrong}; with it: ${r.status}`,
        ...r.events.map(
          (e) =>
            `handed on: ${e.resource} ${e.status}, resource_id ${e.resource_id}, location ${e.company_id}`,
        ),
      ],
    );
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
