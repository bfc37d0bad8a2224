/**
 * What a run reports: per operation ok / drift / error / not-checked, and for drift the paths,
 * types and fields involved. Structure only: the types below have no field that could carry a
 * value the server sent (no names, phones, ids, messages) or a token.
 */
import type { Mismatch, Undocumented } from "./shape.js";

export type OperationStatus = "ok" | "drift" | "error" | "not-checked";

export interface OperationResult {
  /** `"GET /services/{location_id}"`. */
  operation: string;
  operationId: string;
  tag: string;
  status: OperationStatus;
  /** Called only to discover an id for another operation (outside `--only`). */
  forDiscovery?: true;
  httpStatus?: number;
  /** error: the error's class (`AltegioNotFoundError`) or what went wrong, in our words. */
  error?: string;
  /** not-checked: why. */
  why?: string;
  /** Paths are collapsed (`data[].api_id`), `(root)` for the body itself. */
  mismatches?: Mismatch[];
  undocumented?: Undocumented[];
  /** Documented fields that never came (optional ones may be absent by right: not drift). */
  neverSeen?: string[];
  durationMs?: number;
}

export interface VerifyReport {
  tool: "altegio-b2b verify";
  /** sha256 of the openapi.yaml checked against. */
  specSha256: string;
  startedAt: string;
  durationMs: number;
  /** HTTP requests sent (retries included). */
  requests: number;
  /** Time spent waiting for the rate limiter. */
  limiterWaitMs: number;
  /** Set when the run ended early; the operations not reached are `not-checked`. */
  stopped?: "interrupted" | "max-requests" | "auth";
  totals: Record<OperationStatus, number>;
  operations: OperationResult[];
}

export function totalsOf(results: readonly OperationResult[]): Record<OperationStatus, number> {
  const totals: Record<OperationStatus, number> = { ok: 0, drift: 0, error: 0, "not-checked": 0 };
  for (const r of results) totals[r.status]++;
  return totals;
}
