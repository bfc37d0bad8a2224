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
import { isAltegioApiError } from "../errors/is-altegio-error.js";
import { resolveAudience } from "./audience.js";
import { type CampaignClient, loose } from "./client-shape.js";
import { dryRun } from "./dry-run.js";
import { CampaignSendError } from "./errors.js";
import { defaultIdempotencyRegistry } from "./idempotency.js";
import { checkCampaignOptions } from "./options.js";
import { type CampaignSpec, planRequests } from "./plan-requests.js";
import { enforceRecipientCap } from "./recipient-cap.js";
import type { CampaignDryRun, CampaignResult, ChunkResult } from "./types.js";

/** 401, 402, 403: a failure the next chunks would meet too, so there is no point sending them. */
const STOPS_EVERYTHING = new Set([401, 402, 403]);

/** By status, not class: the client may come from another copy of this package. */
function stopsEverything(error: unknown): boolean {
  return isAltegioApiError(error) && STOPS_EVERYTHING.has(error.status);
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
  checkCampaignOptions(options);
  const audience = resolveAudience(options.audience);
  const plans = planRequests(spec, audience);
  if (options.dryRun === true) return dryRun(client, spec, audience, plans);

  const registry = options.idempotencyRegistry ?? defaultIdempotencyRegistry;
  let audienceSize: number | undefined;
  if (options.maxRecipients !== undefined) {
    // Fail fast on a spent key before spending a request on the count.
    if (options.idempotencyKey !== undefined) registry.check(options.idempotencyKey);
    audienceSize = await enforceRecipientCap(
      client,
      spec.locationId,
      audience,
      options.maxRecipients,
      options.filterQuoting,
    );
  }
  // Spend the key synchronously, right before the first POST: two concurrent sends cannot both pass.
  if (options.idempotencyKey !== undefined) registry.claim(options.idempotencyKey);
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
  if (audienceSize !== undefined) result.audienceSize = audienceSize;
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
    try {
      options.onChunk?.(chunk);
    } catch {
      // A progress callback must not stop a campaign half-way with its result lost.
    }
  }
  if (firstFailure) throw new CampaignSendError(summary(result, firstFailure), result, firstFailure.error);
  return result;
}
