/**
 * `npm start`: the client end to end against Prism on openapi.yaml, step by step.
 * Starts Prism on 127.0.0.1 (startPrism), logs in, reads and updates a location, runs the safe
 * campaign helpers (SMS by filter and by id, email, a refused empty-filter send, a dry run),
 * reads notification settings and reports a message status, then switches webhook events on and
 * feeds a recorded event through a local webhook receiver. Tokens and the password are
 * registered as secrets and never printed. Prism is stopped on exit, on error and on Ctrl-C.
 */
import {
  CampaignInputError,
  CampaignSendError,
  getLocationNotificationTypes,
  getUserNotificationSettings,
  MESSAGE_STATUS_NAMES,
  reportDeliveryStatus,
  sendEmailCampaign,
  sendSmsCampaign,
  updateUserNotificationSettings,
} from "../../src/campaigns/index.js";
import {
  type AltegioClient,
  type AltegioClientOptions,
  AltegioInsufficientFundsError,
  createAltegioClient,
  login,
} from "../../src/index.js";
import { mute, StepFailed, say, secret, step } from "./demo-output.js";
import { webhookSteps } from "./demo-webhooks.js";
import { type PrismHandle, startPrism } from "./prism.js";

// Demo credentials: Prism checks that Authorization is there, not what it says. The environment
// is ignored on purpose (env: {}), so a real ALTEGIO_* token is never sent anywhere by the demo.
const PARTNER_TOKEN = secret("demo-partner-token-0000");
const LOGIN = "demo@example.com";
const PASSWORD = secret("demo-password-0000");
/** The vendor's example location id. */
const LOCATION_ID = 37532;

let prism: PrismHandle | undefined;

async function shutdown(): Promise<void> {
  const p = prism;
  prism = undefined;
  if (p) {
    await p.stop();
    say(`Prism (pid ${p.pid}) stopped.`, { evenIfMuted: true });
  }
}

function onSignal(signal: NodeJS.Signals): void {
  say(`\n${signal}: stopping Prism…`);
  mute();
  void shutdown().finally(() => process.exit(130));
}

async function demo(
  client: AltegioClient,
  clientOptions: AltegioClientOptions,
  userId: number,
): Promise<void> {
  await step(
    `Read location ${LOCATION_ID} (GET /company/{location_id})`,
    () => client.GET("/company/{location_id}", { params: { path: { location_id: LOCATION_ID } } }),
    ({ data }) => [`title: ${data?.data?.title}`, `city: ${data?.data?.city}`],
  );
  await step(
    "Update its title (PUT /company/{location_id})",
    () =>
      client.PUT("/company/{location_id}", {
        params: { path: { location_id: LOCATION_ID } },
        body: { title: "James Smith LLC (demo)" },
      }),
    ({ data }) => [`saved; the mock answers with its example: title ${data?.data?.title}`],
  );
  await step(
    "Refuse an SMS campaign with an empty filter (it would reach the entire database)",
    async () => {
      try {
        await sendSmsCampaign(client, LOCATION_ID, { audience: { filter: { fullname: "  " } }, text: "Hi" });
      } catch (error) {
        if (error instanceof CampaignInputError && error.field === "audience.filter") return error;
        throw error;
      }
      throw new Error("the empty filter was NOT refused");
    },
    (error) => [`refused before any request: ${error.message.slice(0, 140)}…`],
  );
  await step(
    "Dry run of an SMS campaign by filter fullname=Joh (nothing sent)",
    () =>
      sendSmsCampaign(client, LOCATION_ID, {
        audience: { filter: { fullname: "Joh" } },
        text: "Joh, your 20% discount is waiting: book at example.com/book",
        dryRun: true,
      }),
    (preview) => [
      ...preview.requests.map((r) => `would send: ${r.method} ${r.url} ${JSON.stringify(r.body)}`),
      `matching clients (GET /clients/{location_id} meta.total_count): ${preview.matchingClients ?? preview.countError}`,
      `text: ${preview.sms?.encoding}, ${preview.sms?.units} units, ${preview.sms?.segments} segment(s)`,
    ],
  );
  await step(
    "Send the SMS campaign by filter, at most 100 recipients (POST /sms/clients/by_filter/{location_id})",
    () =>
      sendSmsCampaign(client, LOCATION_ID, {
        audience: { filter: { fullname: "Joh" } },
        text: "Joh, your 20% discount is waiting: book at example.com/book",
        idempotencyKey: "demo-sms-filter",
        maxRecipients: 100, // counted first: a filter matching more clients would be refused
      }),
    (r) => [
      `audience counted before sending: ${r.audienceSize} clients (maxRecipients 100)`,
      ...r.chunks.map((c) => `request ${c.index + 1}: ${c.status} (${c.message ?? "-"})`),
    ],
  );
  const ids = Array.from({ length: 250 }, (_, i) => 1001 + i);
  await step(
    "Send an SMS campaign to 250 client ids in chunks of 100 (POST /sms/clients/by_id/{location_id})",
    () =>
      sendSmsCampaign(client, LOCATION_ID, {
        audience: { clientIds: ids },
        text: "Привет! Скидка 20% до воскресенья 🎉",
        idempotencyKey: "demo-sms-ids",
      }),
    (r) => [
      `text: ${r.sms?.encoding}, ${r.sms?.units} units, ${r.sms?.segments} segment(s), non-GSM: ${r.sms?.nonGsmCharacters.slice(0, 6).join("")}…`,
      ...r.chunks.map((c) => `chunk ${c.index + 1}: ${c.clientIds?.length} ids → ${c.status}`),
      `sent to ${r.sentClientIds.length} clients`,
    ],
  );
  await step(
    "Refuse to send the same idempotency key twice",
    async () => {
      try {
        await sendSmsCampaign(client, LOCATION_ID, {
          audience: { clientIds: ids },
          text: "Привет! Скидка 20% до воскресенья 🎉",
          idempotencyKey: "demo-sms-ids",
        });
      } catch (error) {
        if (error instanceof Error && error.name === "DuplicateSendError") return error;
        throw error;
      }
      throw new Error("the second send was NOT refused");
    },
    (error) => [`refused: ${error.message}`],
  );
  await step(
    "402 Insufficient funds: a typed error, the chunk's ids, no retry (Prism answers 402 on request)",
    async () => {
      // Prism's `Prefer: code=402` picks the page's documented 402 answer.
      const broke = createAltegioClient({
        ...clientOptions,
        fetch: (request, init) => {
          request.headers.set("Prefer", "code=402");
          return fetch(request, init);
        },
      });
      try {
        await sendSmsCampaign(broke, LOCATION_ID, { audience: { clientIds: [1001, 1002] }, text: "Hi" });
      } catch (error) {
        if (error instanceof CampaignSendError && error.cause instanceof AltegioInsufficientFundsError)
          return error;
        throw error;
      }
      throw new Error("the 402 was not reported");
    },
    (error) => [
      `${error.cause instanceof Error ? error.cause.name : ""}: ${(error.cause as AltegioInsufficientFundsError).vendorMessage}`,
      `failed ids: ${error.result.failedClientIds.join(", ")}; chunk statuses: ${error.result.chunks.map((c) => c.status).join(", ")} (nothing retried)`,
    ],
  );
  await step(
    "Send an email campaign (POST /email/clients/by_id/{location_id})",
    () =>
      sendEmailCampaign(client, LOCATION_ID, {
        audience: { clientIds: [1001, 1002, 1003] },
        subject: "Important!",
        text: "Dear clients, our opening hours change next week.",
      }),
    (r) =>
      r.chunks.map((c) => `request ${c.index + 1}: ${c.clientIds?.length} ids → ${c.status} (${c.message})`),
  );
  await step(
    "Read the location's notification types (GET /notification_settings/{location_id}/notification_types)",
    () => getLocationNotificationTypes(client, LOCATION_ID),
    (types) => [
      `${types.length} types`,
      ...types
        .slice(0, 3)
        .map((t) => `${t.type}: push ${t.channels.push}, sms ${t.channels.sms}, email ${t.channels.email}`),
    ],
  );
  await step(
    `Read user ${userId}'s notification settings (GET /notification_settings/{location_id}/users/{user_id})`,
    () => getUserNotificationSettings(client, LOCATION_ID, userId),
    (s) => [`mode: ${s.mode ?? "(none in the mock's answer)"}, ${s.notification_types.length} types`],
  );
  await step(
    "Turn on push for license_expire (POST /notification_settings/{location_id}/users/{user_id})",
    () => updateUserNotificationSettings(client, LOCATION_ID, userId, [{ type: "license_expire", push: 1 }]),
    (s) => [`mode: ${s.mode}, ${s.notification_types.length} types in the answer`],
  );
  await step(
    "Message statuses (POST /delivery/status)",
    () => reportDeliveryStatus(client, { id: "demo-msg-1", status: 1, partsAmount: 1 }),
    (name) => [
      `reported message demo-msg-1 as: ${name}`,
      `status names: ${Object.entries(MESSAGE_STATUS_NAMES)
        .map(([code, title]) => `${code} ${title}`)
        .join(", ")}`,
    ],
  );
}

async function main(): Promise<number> {
  const started = performance.now();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  say("altegio-b2b demo: the client against a local Prism mock of openapi.yaml (no real credentials)");
  try {
    const mock = await step(
      "Start Prism on openapi.yaml",
      () => startPrism({}),
      (p) => [`${p.baseUrl} (pid ${p.pid})`],
    );
    prism = mock;
    const session = await step(
      `Log in as ${LOGIN} (POST /auth)`,
      () =>
        login({
          partnerToken: PARTNER_TOKEN,
          login: LOGIN,
          password: PASSWORD,
          baseUrl: mock.baseUrl,
          env: {},
          // openapi.yaml documents both answers of POST /auth: 201 with the token and, for an
          // account with 2FA, 200 with the challenge (as the server does). Prism, asked nothing,
          // answers the lowest documented 2xx, the challenge; a demo account has no 2FA, so ask for 201.
          fetch: (request, init) => {
            request.headers.set("Prefer", "code=201");
            return fetch(request, init);
          },
        }),
      (r) =>
        r.status === "authorized"
          ? [`logged in as ${r.user.name} (user id ${r.user.id}); user token received (not shown)`]
          : ["two-factor authentication required"],
    );
    if (session.status !== "authorized") throw new StepFailed("the mock asked for two-factor authentication");
    secret(session.userToken);
    const clientOptions: AltegioClientOptions = {
      partnerToken: PARTNER_TOKEN,
      userToken: session.userToken,
      baseUrl: mock.baseUrl,
      env: {},
      rateLimit: false, // a local mock: the vendor's 5 requests/s would only slow the demo down
    };
    const client = createAltegioClient(clientOptions);
    await demo(client, clientOptions, typeof session.user.id === "number" ? session.user.id : 1);
    await webhookSteps(client, LOCATION_ID);
    say(`\nAll steps passed in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (error) {
    if (!(error instanceof StepFailed)) say(`\n✗ ${error instanceof Error ? error.message : String(error)}`);
    else say(`\n✗ ${error.message}`);
    return 1;
  } finally {
    await shutdown();
  }
}

process.exitCode = await main();
