/**
 * Result shapes of the campaign helpers: one entry per request (chunk), so a caller can see
 * exactly which clients were sent to, which failed and which were never attempted.
 */
import type { ResolvedAudience } from "./audience.js";
import type { ApiPath } from "./client-shape.js";
import type { SmsTextAnalysis } from "./sms-segments.js";

export type CampaignChannel = "sms" | "email";

/** The operations a campaign uses, as templated in openapi.yaml. */
export type CampaignPath = Extract<
  ApiPath,
  | "/sms/clients/by_id/{location_id}"
  | "/sms/clients/by_filter/{location_id}"
  | "/email/clients/by_id/{location_id}"
  | "/email/clients/by_filter/{location_id}"
>;

/** A request exactly as it would go on the wire, minus the Authorization value. */
export interface PlannedRequest {
  method: "POST";
  /** Operation path template, e.g. `/sms/clients/by_filter/{location_id}`. */
  pathTemplate: CampaignPath;
  /** Full URL, query string included. */
  url: string;
  /** Query parameters as sent (the by_filter filters). */
  query: Record<string, string>;
  /** Request headers as sent, without `authorization`. */
  headers: Record<string, string>;
  /** JSON body as sent. */
  body: unknown;
  /** The client ids of this chunk (by_id), or null (by_filter). */
  clientIds: number[] | null;
}

/** What happened to one request of a campaign. */
export interface ChunkResult {
  /** 0-based position among the campaign's requests. */
  index: number;
  /** The client ids of this chunk (by_id), or null for a by_filter send. */
  clientIds: number[] | null;
  /**
   * `sent`: the server accepted it (201). `failed`: the request was made and failed; it may or
   * may not have gone out (timeout, 5xx) and is NOT re-sent. `skipped`: never attempted.
   */
  status: "sent" | "failed" | "skipped";
  /** The server's `meta.message` on success (the vendor pages: "Accepted"). */
  message?: string;
  /** The client's typed error (AltegioInsufficientFundsError, AltegioTimeoutError, …) when failed. */
  error?: unknown;
}

/** Outcome of a real (not dry-run) send. */
export interface CampaignResult {
  channel: CampaignChannel;
  dryRun: false;
  audience: ResolvedAudience["kind"];
  /** True when every request was accepted. */
  ok: boolean;
  chunks: ChunkResult[];
  /** Ids from the by_id chunks, by outcome (empty for by_filter sends). */
  sentClientIds: number[];
  failedClientIds: number[];
  skippedClientIds: number[];
  /** Duplicate ids dropped from `clientIds` before sending. */
  duplicatesRemoved: number;
  /** SMS only: encoding and segments of the text. */
  sms?: SmsTextAnalysis;
  /** With `maxRecipients`: the audience size counted before sending. */
  audienceSize?: number;
  idempotencyKey?: string;
}

/** Outcome of `dryRun: true`: nothing was sent. */
export interface CampaignDryRun {
  channel: CampaignChannel;
  dryRun: true;
  audience: ResolvedAudience["kind"];
  /** The requests a real send would make, in order. */
  requests: PlannedRequest[];
  /**
   * How many clients the campaign would reach: the id count for `clientIds`, the list
   * operation's `meta.total_count` for a filter or allClients, or null when counting failed
   * (see `countError`).
   */
  matchingClients: number | null;
  /** Why counting failed, when it did (the dry run itself still succeeds). */
  countError?: string;
  duplicatesRemoved: number;
  sms?: SmsTextAnalysis;
  /** True when the idempotency key given was already spent: the real send would be refused. */
  idempotencyKeyUsed?: boolean;
}
