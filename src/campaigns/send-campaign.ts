/**
 * The shared send loop of {@link sendSmsCampaign} and {@link sendEmailCampaign}: validate
 * everything, then either describe the requests (dry run) or send them one by one.
 *
 * Rules (docs/campaigns.md):
 * - Every check runs before the first request; bad input throws CampaignInputError and
 *   nothing is sent.
 * - No send is retried, ever: each POST carries `retry: false` for the core client's retry
 *   layer, and a failed chunk is reported, never re-sent.
 * - After a failed chunk the remaining chunks are skipped (`onChunkFailure: "stop"`, the
 *   default). With `"continue"` they are still sent, except after a 401, 402 or 403, which
 *   the next chunks would hit too.
 * - Any failure throws CampaignSendError carrying the per-chunk result.
 */
import {
  AltegioAuthenticationError,
  AltegioInsufficientFundsError,
  AltegioPermissionDeniedError,
} from "../errors/status-errors.js";
import {
  type CampaignAudience,
  type FilterQuoting,
  filterQuery,
  type ResolvedAudience,
  resolveAudience,
} from "./audience.js";
import { captureRequest } from "./capture-request.js";
import { chunkIds, DEFAULT_CHUNK_SIZE } from "./chunks.js";
import { type CampaignClient, type LooseInit, loose } from "./client-shape.js";
import { countMatchingClients } from "./count-audience.js";
import { CampaignInputError, CampaignSendError } from "./errors.js";
import { defaultIdempotencyRegistry, type IdempotencyRegistry } from "./idempotency.js";
import type { SmsTextAnalysis } from "./sms-segments.js";
import type { CampaignChannel, CampaignDryRun, CampaignPath, CampaignResult, ChunkResult } from "./types.js";

/** Options shared by SMS and email campaigns. */
export interface CampaignOptions {
  /** Who receives it: `{ clientIds }`, `{ filter }` or `{ allClients: true }`. */
  audience: CampaignAudience;
  /** Message text (required, not blank). */
  text: string;
  /** Send nothing; return the exact requests and the audience size instead. */
  dryRun?: boolean;
  /** Client ids per by_id request (1..1000, default {@link DEFAULT_CHUNK_SIZE}). */
  chunkSize?: number;
  /** What to do with the later chunks once one has failed (default `stop`). */
  onChunkFailure?: "stop" | "continue";
  /** How filter values go in the query string (default `plain`, see {@link FilterQuoting}). */
  filterQuoting?: FilterQuoting;
  /** A key this send spends: a second send with the same key in this process is refused. */
  idempotencyKey?: string;
  /** Where spent keys are kept (default: one registry per process). */
  idempotencyRegistry?: IdempotencyRegistry;
  /** Called after each request (sent or failed), e.g. for progress output. */
  onChunk?: (chunk: ChunkResult) => void;
}

interface Plan {
  pathTemplate: CampaignPath;
  init: LooseInit;
  clientIds: number[] | null;
}

/** What the SMS/email front ends hand over once their own checks passed. */
export interface CampaignSpec {
  channel: CampaignChannel;
  locationId: number;
  /** The body fields besides `client_ids` (`text`, and `subject` for email). */
  content: Record<string, string>;
  sms?: SmsTextAnalysis;
  options: CampaignOptions;
}

const PATHS = {
  sms: { byId: "/sms/clients/by_id/{location_id}", byFilter: "/sms/clients/by_filter/{location_id}" },
  email: { byId: "/email/clients/by_id/{location_id}", byFilter: "/email/clients/by_filter/{location_id}" },
} as const satisfies Record<CampaignChannel, { byId: CampaignPath; byFilter: CampaignPath }>;

/** Refuse a location id that is not a positive integer (it goes in the path). */
export function checkLocationId(locationId: unknown): number {
  if (typeof locationId !== "number" || !Number.isSafeInteger(locationId) || locationId <= 0) {
    throw new CampaignInputError("locationId", `must be a positive integer, got ${String(locationId)}`);
  }
  return locationId;
}

function checkOptions(options: CampaignOptions): void {
  if (options.onChunkFailure !== undefined && !["stop", "continue"].includes(options.onChunkFailure)) {
    throw new CampaignInputError(
      "onChunkFailure",
      `must be "stop" or "continue", got ${String(options.onChunkFailure)}`,
    );
  }
  if (options.filterQuoting !== undefined && !["plain", "quoted"].includes(options.filterQuoting)) {
    throw new CampaignInputError(
      "filterQuoting",
      `must be "plain" or "quoted", got ${String(options.filterQuoting)}`,
    );
  }
  if (
    options.idempotencyKey !== undefined &&
    (typeof options.idempotencyKey !== "string" || options.idempotencyKey.trim() === "")
  ) {
    throw new CampaignInputError("idempotencyKey", "must be a non-empty string");
  }
}

function plan(spec: CampaignSpec, audience: ResolvedAudience): Plan[] {
  const paths = PATHS[spec.channel];
  const path = { location_id: spec.locationId };
  if (audience.kind === "clientIds") {
    return chunkIds(audience.clientIds, spec.options.chunkSize ?? DEFAULT_CHUNK_SIZE).map((ids) => ({
      pathTemplate: paths.byId,
      init: { params: { path }, body: { client_ids: ids, ...spec.content } },
      clientIds: ids,
    }));
  }
  // allClients is the same by_filter operation with no filter: the vendor's "entire database".
  const query = audience.kind === "filter" ? filterQuery(audience.filter, spec.options.filterQuoting) : {};
  return [
    {
      pathTemplate: paths.byFilter,
      init: { params: { path, query }, body: { ...spec.content } },
      clientIds: null,
    },
  ];
}

async function dryRun(client: CampaignClient, spec: CampaignSpec, audience: ResolvedAudience, plans: Plan[]) {
  const requests = [];
  for (const p of plans) requests.push(await captureRequest(client, p.pathTemplate, p.init, p.clientIds));
  const result: CampaignDryRun = {
    channel: spec.channel,
    dryRun: true,
    audience: audience.kind,
    requests,
    matchingClients: null,
    duplicatesRemoved: audience.kind === "clientIds" ? audience.duplicatesRemoved : 0,
  };
  if (audience.kind === "clientIds") {
    result.matchingClients = audience.clientIds.length;
  } else {
    const filter = audience.kind === "filter" ? audience.filter : {};
    try {
      result.matchingClients = await countMatchingClients(
        client,
        spec.locationId,
        filter,
        spec.options.filterQuoting,
      );
    } catch (error) {
      // The preview stays useful without the count; say why it is missing.
      result.countError = error instanceof Error ? error.message : String(error);
    }
  }
  if (spec.sms) result.sms = spec.sms;
  const key = spec.options.idempotencyKey;
  if (key !== undefined)
    result.idempotencyKeyUsed = (spec.options.idempotencyRegistry ?? defaultIdempotencyRegistry).has(key);
  return result;
}

/** A failure the next chunks would meet too: no point sending them. */
function stopsEverything(error: unknown): boolean {
  return (
    error instanceof AltegioInsufficientFundsError ||
    error instanceof AltegioAuthenticationError ||
    error instanceof AltegioPermissionDeniedError
  );
}

function summary(result: CampaignResult, failed: ChunkResult): string {
  const label = result.channel === "sms" ? "SMS" : "Email";
  const n = result.chunks.length;
  const reason = failed.error instanceof Error ? failed.error.message : String(failed.error);
  const which = failed.clientIds ? ` (${failed.clientIds.length} client ids)` : "";
  const counts =
    result.audience === "clientIds"
      ? `; sent to ${result.sentClientIds.length}, failed ${result.failedClientIds.length}, ` +
        `not attempted ${result.skippedClientIds.length} client ids`
      : "";
  return `${label} campaign request ${failed.index + 1}/${n}${which} failed: ${reason}${counts}. Nothing was retried.`;
}

/**
 * Validate, then dry-run or send a campaign. Used by the SMS and email front ends.
 *
 * @example
 * await runCampaign(client, { channel: "sms", locationId: 1, content: { text: "Hi" },
 *   options: { audience: { clientIds: [1, 2] }, text: "Hi" } });
 */
export async function runCampaign(
  client: CampaignClient,
  spec: CampaignSpec,
): Promise<CampaignResult | CampaignDryRun> {
  const { options } = spec;
  checkOptions(options);
  const audience = resolveAudience(options.audience);
  const plans = plan(spec, audience);
  if (options.dryRun === true) return dryRun(client, spec, audience, plans);

  // Spend the key synchronously, before the first await: two concurrent sends cannot both pass.
  if (options.idempotencyKey !== undefined) {
    (options.idempotencyRegistry ?? defaultIdempotencyRegistry).claim(options.idempotencyKey);
  }
  const result: CampaignResult = {
    channel: spec.channel,
    dryRun: false,
    audience: audience.kind,
    ok: true,
    chunks: [],
    sentClientIds: [],
    failedClientIds: [],
    skippedClientIds: [],
    duplicatesRemoved: audience.kind === "clientIds" ? audience.duplicatesRemoved : 0,
  };
  if (spec.sms) result.sms = spec.sms;
  if (options.idempotencyKey !== undefined) result.idempotencyKey = options.idempotencyKey;

  let firstFailure: ChunkResult | undefined;
  let stop = false;
  for (const [index, p] of plans.entries()) {
    const ids = p.clientIds ?? [];
    if (stop) {
      result.chunks.push({ index, clientIds: p.clientIds, status: "skipped" });
      result.skippedClientIds.push(...ids);
      continue;
    }
    let chunk: ChunkResult;
    try {
      const { data } = await loose(client).POST(p.pathTemplate, { ...p.init, retry: false });
      const message = (data as { meta?: { message?: unknown } } | undefined)?.meta?.message;
      chunk = {
        index,
        clientIds: p.clientIds,
        status: "sent",
        ...(typeof message === "string" ? { message } : {}),
      };
      result.sentClientIds.push(...ids);
    } catch (error) {
      chunk = { index, clientIds: p.clientIds, status: "failed", error };
      result.failedClientIds.push(...ids);
      result.ok = false;
      firstFailure ??= chunk;
      stop = (options.onChunkFailure ?? "stop") === "stop" || stopsEverything(error);
    }
    result.chunks.push(chunk);
    options.onChunk?.(chunk);
  }
  if (firstFailure) throw new CampaignSendError(summary(result, firstFailure), result, firstFailure.error);
  return result;
}
