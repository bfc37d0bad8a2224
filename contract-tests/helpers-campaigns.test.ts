// The campaign helpers (src/campaigns) against Prism on openapi.yaml: every request they build
// must pass Prism's request validation (a 422 would fail the send), and the answers they read
// (201 "Accepted", meta.total_count, notification settings) must be where the spec says.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type PrismHandle, repoRoot, startPrism } from "../scripts/lib/prism.js";
import { filterQuery } from "../src/campaigns/audience.js";
import {
  type CampaignFilter,
  CampaignInputError,
  CampaignSendError,
  getLocationNotificationTypes,
  getUserNotificationSettings,
  IdempotencyRegistry,
  reportDeliveryStatus,
  sendEmailCampaign,
  sendSmsCampaign,
  updateUserNotificationSettings,
} from "../src/campaigns/index.js";
import { type AltegioClient, AltegioInsufficientFundsError, createAltegioClient } from "../src/index.js";
import { NO_KEEP_ALIVE } from "./support/wire.js";

// Demo tokens: Prism checks that Authorization is present, not what it says.
const PARTNER_TOKEN = "demo-partner-token";
const USER_TOKEN = "demo-user-token";

// Parsed at import, before Prism starts: parsing 1.7 MB of YAML blocks the event loop for
// seconds, and done between two tests it outlived Prism's keep-alive timeout, so the next POST
// went out on a socket Prism had already closed ("other side closed", not retried: a POST).
const spec = parse(readFileSync(resolve(repoRoot, "openapi.yaml"), "utf8")) as {
  paths: Record<string, { post?: { parameters?: { name: string; in: string; example?: unknown }[] } }>;
};

let prism: PrismHandle;
const wire: { method: string; url: string }[] = [];

function client(extraHeaders: Record<string, string> = {}): AltegioClient {
  return createAltegioClient({
    partnerToken: PARTNER_TOKEN,
    userToken: USER_TOKEN,
    baseUrl: prism.baseUrl,
    env: {},
    rateLimit: false,
    // Retries ON for POST: the helpers must still send once.
    retry: { retries: 2, methods: ["GET", "POST"], statusCodes: [402, 500, 503], baseDelayMs: 1 },
    fetch: (request, init) => {
      wire.push({ method: request.method, url: request.url.slice(prism.baseUrl.length) });
      for (const [k, v] of Object.entries(extraHeaders)) request.headers.set(k, v);
      request.headers.set("connection", NO_KEEP_ALIVE); // see wire.ts
      return fetch(request, init);
    },
  });
}
const posts = () => wire.filter((w) => w.method === "POST");

beforeAll(async () => {
  prism = await startPrism({});
});
afterAll(() => prism?.stop());
beforeEach(() => {
  wire.length = 0;
});

describe("SMS campaigns against Prism", () => {
  it("by id: chunks of 2 over 5 ids are three accepted requests", async () => {
    const result = await sendSmsCampaign(client(), 1, {
      audience: { clientIds: [1, 2, 3, 4, 5] },
      text: "Sale today!",
      chunkSize: 2,
    });
    expect(result.chunks.map((c) => [c.status, c.message])).toEqual([
      ["sent", "Accepted"],
      ["sent", "Accepted"],
      ["sent", "Accepted"],
    ]);
    expect(posts().map((p) => p.url)).toEqual(Array(3).fill("/sms/clients/by_id/1"));
  });

  it("by filter: plain substrings in the query pass validation", async () => {
    const result = await sendSmsCampaign(client(), 1, {
      audience: { filter: { fullname: "Joh", phone: "1315" } },
      text: "Sale today!",
    });
    expect(result).toMatchObject({ ok: true, audience: "filter" });
    expect(posts().map((p) => p.url)).toEqual(["/sms/clients/by_filter/1?fullname=Joh&phone=1315"]);
  });

  it("all clients, on purpose", async () => {
    const result = await sendSmsCampaign(client(), 1, { audience: { allClients: true }, text: "Hello all" });
    expect(result.ok).toBe(true);
    expect(posts().map((p) => p.url)).toEqual(["/sms/clients/by_filter/1"]);
  });

  it("refuses an empty filter before Prism sees anything", async () => {
    await expect(
      sendSmsCampaign(client(), 1, { audience: { filter: { fullname: " " } }, text: "Hi" }),
    ).rejects.toBeInstanceOf(CampaignInputError);
    expect(wire).toHaveLength(0);
  });

  it("dry run: no POST, the exact request, and the count from the client list's meta.total_count", async () => {
    const preview = await sendSmsCampaign(client(), 1, {
      audience: { filter: { fullname: "Joh" } },
      text: "Sale today!",
      dryRun: true,
    });
    expect(posts()).toHaveLength(0);
    expect(wire.map((w) => w.method)).toEqual(["GET"]);
    expect(typeof preview.matchingClients).toBe("number");
    expect(preview.requests[0]).toMatchObject({
      url: `${prism.baseUrl}/sms/clients/by_filter/1?fullname=Joh`,
      body: { text: "Sale today!" },
    });
  });

  it("maxRecipients: counts through the client list and refuses a larger audience", async () => {
    const audience = { filter: { fullname: "Joh" } };
    const preview = await sendSmsCampaign(client(), 1, { audience, text: "Hi", dryRun: true });
    const count = preview.matchingClients ?? 0;
    expect(count).toBeGreaterThan(1);
    const ok = await sendSmsCampaign(client(), 1, { audience, text: "Hi", maxRecipients: count });
    expect(ok.audienceSize).toBe(count);
    wire.length = 0;
    await expect(
      sendSmsCampaign(client(), 1, { audience, text: "Hi", maxRecipients: count - 1 }),
    ).rejects.toThrow(/more than maxRecipients/);
    expect(posts()).toHaveLength(0);
  });

  it("402 (Prism's documented answer) is AltegioInsufficientFundsError, sent once", async () => {
    const error = await sendSmsCampaign(client({ Prefer: "code=402" }), 1, {
      audience: { clientIds: [1, 2, 3] },
      text: "Hi",
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CampaignSendError);
    expect((error as CampaignSendError).cause).toBeInstanceOf(AltegioInsufficientFundsError);
    expect((error as CampaignSendError).result.failedClientIds).toEqual([1, 2, 3]);
    expect(posts()).toHaveLength(1);
  });

  it("an idempotency key sends once", async () => {
    const registry = new IdempotencyRegistry();
    const options = {
      audience: { clientIds: [1] },
      text: "Hi",
      idempotencyKey: "k",
      idempotencyRegistry: registry,
    };
    await sendSmsCampaign(client(), 1, options);
    await expect(sendSmsCampaign(client(), 1, options)).rejects.toThrow(/already used/);
    expect(posts()).toHaveLength(1);
  });
});

describe("filter quoting agrees with openapi.yaml", () => {
  it("the by_filter examples are plain substrings, as filterQuery sends them by default", () => {
    const checked: string[] = [];
    for (const path of ["/sms/clients/by_filter/{location_id}", "/email/clients/by_filter/{location_id}"]) {
      for (const p of spec.paths[path]?.post?.parameters ?? []) {
        if (p.in !== "query" || typeof p.example !== "string") continue;
        const filter = { [p.name]: p.example } as CampaignFilter;
        expect(filterQuery(filter)[p.name], `${path} ${p.name}`).toBe(p.example);
        expect(p.example).not.toMatch(/^'.*'$/);
        checked.push(`${path} ${p.name}`);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(6);
  });
});

describe("email campaigns against Prism", () => {
  it("by id with a subject", async () => {
    const result = await sendEmailCampaign(client(), 1, {
      audience: { clientIds: [1, 2] },
      subject: "Important!",
      text: "Dear clients",
    });
    expect(result.chunks).toHaveLength(1);
    expect(result.chunks[0]).toMatchObject({ status: "sent", clientIds: [1, 2] });
  });

  it("by filter, card included (described on the page, not listed as a parameter)", async () => {
    const result = await sendEmailCampaign(client(), 1, {
      audience: { filter: { email: "test@", card: "5663rt" } },
      subject: "Important!",
      text: "Dear clients",
    });
    expect(result.ok).toBe(true);
    expect(posts()[0]?.url).toBe("/email/clients/by_filter/1?email=test%40&card=5663rt");
  });
});

describe("notification settings and message statuses against Prism", () => {
  it("reads location notification types", async () => {
    const types = await getLocationNotificationTypes(client(), 1);
    expect(types.length).toBeGreaterThan(0);
    expect(types[0]).toHaveProperty("channels");
  });

  it("reads and updates a user's settings", async () => {
    const current = await getUserNotificationSettings(client(), 1, 2);
    expect(Array.isArray(current.notification_types)).toBe(true);
    const updated = await updateUserNotificationSettings(client(), 1, 2, [
      { type: "license_expire", push: 1 },
    ]);
    expect(["admin", "staff", "disabled"]).toContain(updated.mode);
  });

  it("reports a delivery status and names it", async () => {
    expect(await reportDeliveryStatus(client(), { id: "msg-1", status: 4, partsAmount: 1 })).toBe(
      "Sent to phone",
    );
  });
});

describe("npm start (scripts/start)", () => {
  /** Run the demo; optionally send SIGINT once Prism is up. Resolves with exit code and output. */
  function runDemo(interrupt: boolean): Promise<{ code: number | null; out: string }> {
    return new Promise((resolveRun, reject) => {
      const child = spawn(resolve(repoRoot, "scripts/start"), [], {
        cwd: repoRoot,
        env: { ...process.env, NO_COLOR: "1" },
      });
      let out = "";
      let sent = false;
      const onData = (c: Buffer) => {
        out += c.toString("utf8");
        if (interrupt && !sent && /\(pid \d+\)/.test(out)) {
          sent = true;
          child.kill("SIGINT");
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("error", reject);
      child.on("close", (code) => resolveRun({ code, out }));
    });
  }
  const prismPid = (out: string) => Number(/\(pid (\d+)\)/.exec(out)?.[1]);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it("passes every step, prints no secret and stops Prism", async () => {
    const { code, out } = await runDemo(false);
    // The output's tail as the message: a failing step (or a spec rebuilt under Prism) shows here.
    expect(code, out.slice(-2000)).toBe(0);
    expect(out).toMatch(/All steps passed/);
    expect(out).not.toMatch(/✗/);
    expect(out).not.toMatch(/demo-partner-token|demo-password|wec23fh8cDfFV4432fc352456/);
    expect(out).toMatch(/refused before any request: audience\.filter/);
    expect(alive(prismPid(out))).toBe(false);
  }, 120_000);

  it("stops Prism and exits 130 on Ctrl-C", async () => {
    const { code, out } = await runDemo(true);
    expect(code, out.slice(-2000)).toBe(130);
    expect(out).toMatch(/SIGINT: stopping Prism/);
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(prismPid(out))).toBe(false);
  }, 120_000);
});
