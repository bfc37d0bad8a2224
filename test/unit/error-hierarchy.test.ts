/**
 * One error hierarchy: every error class any entry point exports descends from AltegioError and
 * has its line in src/errors/error-kinds.ts; the guards and `instanceof` agree, also across two
 * copies of the package (the second is src/ + generated/ copied under .cache/, a separate module
 * graph with its own classes, as a dependency's bundled copy would be).
 */
import { cpSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CampaignResult } from "../../src/campaigns/index.js";
import * as campaignsA from "../../src/campaigns/index.js";
import { ERROR_PARENTS } from "../../src/errors/error-kinds.js";
import * as rootA from "../../src/index.js";
import * as redisA from "../../src/redis-rate-limit/index.js";
import * as webhooksA from "../../src/webhooks/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";

type Root = typeof rootA;
type Campaigns = typeof campaignsA;
type RedisEntry = typeof redisA;
type Webhooks = typeof webhooksA;
/** The entry points that export error classes, from one copy of the package. */
interface Copy {
  root: Root;
  campaigns: Campaigns;
  redis: RedisEntry;
  webhooks: Webhooks;
}
type ErrorClass = new (...args: never[]) => Error;

const copy = resolve(".cache", `second-copy-${process.pid}-${Date.now()}`);
let rootB: Root;
let campaignsB: Campaigns;
let redisB: RedisEntry;
let webhooksB: Webhooks;
let server: LocalServer | undefined;

beforeAll(async () => {
  cpSync("src", join(copy, "src"), { recursive: true });
  cpSync("generated", join(copy, "generated"), { recursive: true });
  rootB = (await import(pathToFileURL(join(copy, "src/index.ts")).href)) as Root;
  campaignsB = (await import(pathToFileURL(join(copy, "src/campaigns/index.ts")).href)) as Campaigns;
  redisB = (await import(pathToFileURL(join(copy, "src/redis-rate-limit/index.ts")).href)) as RedisEntry;
  webhooksB = (await import(pathToFileURL(join(copy, "src/webhooks/index.ts")).href)) as Webhooks;
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const apiInit = {
  status: 400,
  method: "GET",
  pathTemplate: "/companies",
  url: "http://127.0.0.1/api/v1/companies",
  headers: new Headers(),
  body: null,
};

/** One instance of each exported error class, built the way the package builds it. */
const copyA = (): Copy => ({ root: rootA, campaigns: campaignsA, redis: redisA, webhooks: webhooksA });
const copyB = (): Copy => ({ root: rootB, campaigns: campaignsB, redis: redisB, webhooks: webhooksB });

function samples({ root, campaigns, redis, webhooks }: Copy): Error[] {
  const result: CampaignResult = {
    channel: "sms",
    dryRun: false,
    audience: "clientIds",
    ok: false,
    chunks: [],
    sentClientIds: [],
    failedClientIds: [],
    skippedClientIds: [],
    duplicatesRemoved: 0,
  };
  return [
    new root.AltegioError("x"),
    new root.AltegioApiError(apiInit),
    new root.AltegioBadRequestError(apiInit),
    new root.AltegioAuthenticationError({ ...apiInit, status: 401 }),
    new root.AltegioInsufficientFundsError({ ...apiInit, status: 402 }),
    new root.AltegioPermissionDeniedError({ ...apiInit, status: 403 }),
    new root.AltegioNotFoundError({ ...apiInit, status: 404 }),
    new root.AltegioUnprocessableEntityError({ ...apiInit, status: 422 }),
    new root.AltegioRateLimitError({ ...apiInit, status: 429 }),
    new root.AltegioInternalServerError({ ...apiInit, status: 500 }),
    new root.AltegioLoginError(apiInit),
    new root.AltegioConfigError("partnerToken", "is required"),
    new root.AltegioUserTokenRequiredError("GET", "/company/{location_id}"),
    new root.AltegioNetworkError("GET", apiInit.url, new Error("ECONNRESET")),
    new root.AltegioTimeoutError("GET", apiInit.url, 10),
    new campaigns.CampaignInputError("text", "is blank"),
    new campaigns.DuplicateSendError("k"),
    new campaigns.CampaignSendError("failed", result, new Error("x")),
    new redis.AltegioRateLimiterUnavailableError("altegio-b2b:rate-limit", "Redis failed (ECONNREFUSED)"),
    new webhooks.AltegioWebhookError("invalid-json", "webhook body is not JSON"),
  ];
}

function errorClasses(mod: Record<string, unknown>): [string, ErrorClass][] {
  return Object.entries(mod).filter(
    (e): e is [string, ErrorClass] => typeof e[1] === "function" && e[1].prototype instanceof Error,
  );
}

/** Every code entry point of package.json, as its source module. */
async function entryModules(): Promise<Record<string, unknown>[]> {
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { exports: Record<string, unknown> };
  const sources = Object.values(pkg.exports)
    .filter((c): c is { import: string } => typeof c === "object" && c !== null && "import" in c)
    .map((c) => c.import.replace(/^\.\/dist\//, "").replace(/\.js$/, ".ts"));
  return Promise.all(
    sources.map((s) => import(pathToFileURL(resolve(s)).href) as Promise<Record<string, unknown>>),
  );
}

describe("one error hierarchy", () => {
  it("every exported error class is in error-kinds.ts under its real parent, and extends AltegioError", async () => {
    const classes = (await entryModules()).flatMap(errorClasses);
    expect(classes.length).toBeGreaterThanOrEqual(18);
    for (const [exported, cls] of classes) {
      expect(cls.name, exported).toBe(exported);
      if (exported === "AltegioError") continue;
      const parent = Object.getPrototypeOf(cls) as { name: string };
      expect(ERROR_PARENTS.get(exported), exported).toBe(parent.name);
      expect(cls.prototype instanceof rootA.AltegioError, exported).toBe(true);
    }
  });

  it("each sample's name is its class's name, and the samples cover every exported class", async () => {
    const classes = (await entryModules()).flatMap(errorClasses).map(([n]) => n);
    const made = samples(copyA());
    expect(made.map((e) => e.name).sort()).toEqual([...classes].sort());
    for (const e of made) expect(e.constructor.name).toBe(e.name);
  });
});

describe("two copies of the package", () => {
  it("the copies really are distinct classes", () => {
    expect(rootB.AltegioError).not.toBe(rootA.AltegioError);
    expect(Object.getPrototypeOf(new rootB.AltegioNotFoundError(apiInit))).not.toBe(
      rootA.AltegioNotFoundError.prototype,
    );
  });

  it("instanceof across copies gives what it gives within one copy, for every class pair", async () => {
    const classesA = (await entryModules()).flatMap(errorClasses);
    const fromA = samples(copyA());
    const fromB = samples(copyB());
    let trues = 0;
    for (const [i, a] of fromA.entries()) {
      const b = fromB[i] as Error;
      for (const [name, cls] of classesA) {
        const same = a instanceof cls;
        expect(b instanceof cls, `${b.name} (copy B) instanceof ${name} (copy A)`).toBe(same);
        if (same) trues += 1;
      }
    }
    // Each sample is an instance of itself, AltegioError and, for most, one or two more.
    expect(trues).toBeGreaterThan(fromA.length * 2);
  });

  it("the guards agree with instanceof, whichever copy made the error", () => {
    const guards = [
      [rootA.isAltegioError, rootA.AltegioError],
      [rootA.isAltegioApiError, rootA.AltegioApiError],
      [rootA.isAltegioConfigError, rootA.AltegioConfigError],
      [rootA.isAltegioNetworkError, rootA.AltegioNetworkError],
      [rootA.isAltegioTimeoutError, rootA.AltegioTimeoutError],
    ] as const;
    for (const e of [...samples(copyA()), ...samples(copyB())]) {
      for (const [guard, cls] of guards) expect(guard(e), `${guard.name}(${e.name})`).toBe(e instanceof cls);
      // Campaign errors are client errors too.
      expect(rootB.isAltegioError(e), e.name).toBe(true);
    }
  });

  it("plain errors and look-alikes that are not Errors match no guard and no class", () => {
    for (const v of [new Error("x"), new TypeError("x"), { name: "AltegioApiError" }, "AltegioError", null]) {
      expect(rootA.isAltegioError(v)).toBe(false);
      expect(v instanceof rootA.AltegioError).toBe(false);
    }
    const renamed = Object.assign(new Error("x"), { name: "constructor" });
    expect(rootA.isAltegioError(renamed)).toBe(false);
  });

  it("campaigns of one copy stop on a 402 thrown by the other copy's client (matched by status)", async () => {
    server = await startServer((_req, res) =>
      json(res, 402, { success: false, data: null, meta: { message: "Insufficient funds on the account" } }),
    );
    const clientB = rootB.createAltegioClient({
      partnerToken: "p",
      userToken: "u",
      baseUrl: server.baseUrl,
      env: {},
      rateLimit: false,
    });
    const clientIds = Array.from({ length: 250 }, (_, i) => i + 1);
    const error = await campaignsA
      .sendSmsCampaign(clientB, 1, { audience: { clientIds }, text: "Hi", onChunkFailure: "continue" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(campaignsA.CampaignSendError);
    expect(error).toBeInstanceOf(rootB.AltegioError);
    const sendError = error as InstanceType<Campaigns["CampaignSendError"]>;
    expect(sendError.cause).toBeInstanceOf(rootA.AltegioInsufficientFundsError);
    expect(sendError.result.chunks.map((c) => c.status)).toEqual(["failed", "skipped", "skipped"]);
    expect(server.requests).toHaveLength(1);
  });
});

describe("no bare Error from src/", () => {
  it("no module under src/ throws or builds a plain Error", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\bnew Error\(|\bthrow Error\(/.test(readFileSync(path, "utf8"))) offenders.push(path);
      }
    };
    walk("src");
    expect(offenders).toEqual([]);
  });

  it("a client list without meta.total_count is an AltegioApiError naming the operation, and nothing is sent", async () => {
    server = await startServer((_req, res) => json(res, 200, { success: true, data: [], meta: {} }));
    const client = rootA.createAltegioClient({
      partnerToken: "p",
      userToken: "u",
      baseUrl: server.baseUrl,
      env: {},
      rateLimit: false,
    });
    const error = await campaignsA
      .sendSmsCampaign(client, 3, { audience: { filter: { phone: "1" } }, text: "Hi", maxRecipients: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(rootA.AltegioApiError);
    expect((error as Error).message).toMatch(/GET \/clients\/\{location_id\}.*meta\.total_count/);
    expect(server.requests.map((r) => r.method)).toEqual(["GET"]);
  });

  it("a dry run with a client that runs no per-request middleware is a CampaignInputError on `client`", async () => {
    const answer = { data: { success: true }, response: new Response("{}", { status: 201 }) };
    const bare = { GET: async () => answer, POST: async () => answer } as unknown as rootA.AltegioClient;
    const error = await campaignsA
      .sendSmsCampaign(bare, 3, { audience: { clientIds: [1] }, text: "Hi", dryRun: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(campaignsA.CampaignInputError);
    expect((error as InstanceType<Campaigns["CampaignInputError"]>).field).toBe("client");
  });
});
