/**
 * Options shared by {@link sendSmsCampaign} and {@link sendEmailCampaign}, and their checks.
 */
import type { CampaignAudience, FilterQuoting } from "./audience.js";
import { CampaignInputError } from "./errors.js";
import type { IdempotencyRegistry } from "./idempotency.js";
import type { ChunkResult } from "./types.js";

/** Options shared by SMS and email campaigns. */
export interface CampaignOptions {
  /** Who receives it: `{ clientIds }`, `{ filter }` or `{ allClients: true }`. */
  audience: CampaignAudience;
  /** Message text (required, not blank). */
  text: string;
  /** Send nothing; return the exact requests and the audience size instead. */
  dryRun?: boolean;
  /** Client ids per by_id request (1..1000, default 100: DEFAULT_CHUNK_SIZE). */
  chunkSize?: number;
  /** What to do with the later chunks once one has failed (default `stop`). */
  onChunkFailure?: "stop" | "continue";
  /** How filter values go in the query string (default `plain`, see {@link FilterQuoting}). */
  filterQuoting?: FilterQuoting;
  /**
   * Refuse to send when the audience is larger than this (opt-in). For a filter or allClients
   * the clients are counted first (GET /clients/{location_id}); a failed count sends nothing.
   */
  maxRecipients?: number;
  /** A key this send spends: a second send with the same key in this process is refused. */
  idempotencyKey?: string;
  /** Where spent keys are kept (default: one registry per process). */
  idempotencyRegistry?: IdempotencyRegistry;
  /** Called after each request (sent or failed), e.g. for progress output; what it throws is ignored. */
  onChunk?: (chunk: ChunkResult) => void;
}

/**
 * Refuse option values that would change what is sent in a way the caller did not mean.
 * `dryRun` must be a real boolean: `dryRun: "true"` from untyped code must not send for real.
 *
 * @example
 * checkCampaignOptions({ audience: { clientIds: [1] }, text: "Hi", dryRun: "yes" } as never); // throws on dryRun
 */
export function checkCampaignOptions(options: CampaignOptions): void {
  if (options.dryRun !== undefined && typeof options.dryRun !== "boolean") {
    throw new CampaignInputError("dryRun", `must be true or false, got ${JSON.stringify(options.dryRun)}`);
  }
  if (
    options.maxRecipients !== undefined &&
    (!Number.isSafeInteger(options.maxRecipients) || options.maxRecipients < 1)
  ) {
    throw new CampaignInputError(
      "maxRecipients",
      `must be a positive integer, got ${String(options.maxRecipients)}`,
    );
  }
  if (options.onChunk !== undefined && typeof options.onChunk !== "function") {
    throw new CampaignInputError("onChunk", "must be a function");
  }
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
