/**
 * The run: check the input, prove the token can read the location, then call each planned
 * operation through the client (its auth, retries and rate limiter), validate each answer and
 * keep only its shape. Ids for later calls come from earlier answers and stay in memory.
 */
import { createAltegioClient } from "../create-altegio-client.js";
import { AltegioConfigError } from "../errors/altegio-config-error.js";
import { isAltegioApiError, isAltegioError } from "../errors/is-altegio-error.js";
import type { FetchLike } from "../fetch/fetch-like.js";
import {
  ALTEGIO_RATE_LIMIT,
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
} from "../rate-limiter.js";
import { DEFAULT_BASE_URL, defaultRateLimiter } from "../resolve-options.js";
import { checkBody } from "./check-body.js";
import { LOCATION_PROBE } from "./discovery-rules.js";
import { isObject, type Json, type JsonObject } from "./json.js";
import { collectOperations, type SpecOperation } from "./operations.js";
import { type ParamPlan, type PlannedCall, planRun } from "./plan.js";
import { type OperationResult, totalsOf, type VerifyReport } from "./report.js";
import { displayPath } from "./shape.js";
import { loadSpecDocument } from "./spec-document.js";
import { createValidator } from "./validator.js";

export interface VerifyOptions {
  /** The location (company) id whose data is read. */
  location: string | number;
  partnerToken: string | undefined;
  /** Needed by every BearerPartnerUser operation; without it those are not checked. */
  userToken?: string | undefined;
  /** Default https://api.alteg.io/api/v1. */
  baseUrl?: string | undefined;
  /** Tags to check (default: every tag). */
  only?: readonly string[] | undefined;
  /** Stop after this many HTTP requests. */
  maxRequests?: number | undefined;
  /** Also call the POSTs the spec marks `x-altegio-read-only: true` (searches). */
  includeSearch?: boolean | undefined;
  /** Abort to stop: the report then has what was checked so far. */
  signal?: AbortSignal | undefined;
  onProgress?: ((event: ProgressEvent) => void) | undefined;
  /** Default: the client's default limiter (5/s, 200/min, shared by the process). */
  rateLimit?: Partial<RateLimiterOptions> | RateLimiter | false | undefined;
  fetch?: FetchLike | undefined;
  /** An openapi.yaml to check against instead of the one in the package. */
  specFile?: string | undefined;
}

export type ProgressEvent =
  | { type: "start"; total: number }
  | { type: "call"; n: number; total: number; operation: string; elapsedMs: number; limiterWaitMs: number }
  | { type: "wait"; ms: number }
  | { type: "result"; n: number; total: number; result: OperationResult; elapsedMs: number };

const ALLOWED = new Set(["GET", "POST"]);

export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const input = checkInput(options);
  const spec = loadSpecDocument(options.specFile);
  const ops = collectOperations(spec.doc);
  const tags = new Set(ops.map((op) => op.tag));
  const unknown = input.only?.find((t) => !tags.has(t));
  if (unknown !== undefined) {
    throw new AltegioConfigError("--only", `unknown tag "${unknown}" (tags: ${[...tags].sort().join(", ")})`);
  }
  const includeSearch = options.includeSearch === true;
  const plan = planRun(spec.doc, ops, {
    only: input.only ? new Set(input.only) : undefined,
    includeSearch,
    hasUserToken: input.userToken !== undefined,
  });
  if (!plan.calls.some((c) => c.op.key === LOCATION_PROBE)) {
    throw new AltegioConfigError("spec", `has no ${LOCATION_PROBE}, needed to check the location first`);
  }
  const validate = createValidator(spec.doc);
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const elapsed = () => Date.now() - started;

  let requests = 0;
  let limiterWaitMs = 0;
  let last: { status: number } | undefined;
  const emit = (event: ProgressEvent) => options.onProgress?.(event);
  const limiter = measured(resolveLimiter(options.rateLimit), (ms) => {
    limiterWaitMs += ms;
    if (ms >= 50) emit({ type: "wait", ms });
  });
  const inner = options.fetch ?? globalThis.fetch;
  const fetch: FetchLike = async (request, init) => {
    // The last guard: whatever the plan says, nothing but GET and read-only POST leaves.
    if (!ALLOWED.has(request.method))
      throw new AltegioConfigError("fetch", `refusing to send ${request.method}: the verifier only reads`);
    requests++;
    const res = await inner(request, init);
    last = { status: res.status };
    return res;
  };
  const client = createAltegioClient({
    partnerToken: input.partnerToken,
    userToken: input.userToken,
    baseUrl: input.baseUrl,
    fetch,
    rateLimit: limiter ?? false,
    env: {},
  }) as unknown as Record<
    "GET" | "POST",
    (path: string, init: Record<string, unknown>) => Promise<{ data?: unknown }>
  >;

  const answers = new Map<string, unknown>();
  const results: OperationResult[] = [];
  let stopped: VerifyReport["stopped"];
  const total = plan.calls.length;
  emit({ type: "start", total });

  for (const [index, call] of plan.calls.entries()) {
    const n = index + 1;
    const base = baseResult(call.op, call.forDiscovery);
    if (stopped) {
      results.push({ ...base, status: "not-checked", why: stopReason(stopped, input.maxRequests) });
      continue;
    }
    if (options.signal?.aborted) {
      stopped = "interrupted";
      results.push({ ...base, status: "not-checked", why: stopReason(stopped, input.maxRequests) });
      continue;
    }
    if (input.maxRequests !== undefined && requests >= input.maxRequests) {
      stopped = "max-requests";
      results.push({ ...base, status: "not-checked", why: stopReason(stopped, input.maxRequests) });
      continue;
    }
    const values = resolveParams(call, answers, input.location);
    if (typeof values === "string") {
      results.push({ ...base, status: "not-checked", why: values });
      emit({ type: "result", n, total, result: results.at(-1) as OperationResult, elapsedMs: elapsed() });
      continue;
    }
    emit({ type: "call", n, total, operation: call.op.key, elapsedMs: elapsed(), limiterWaitMs });
    const t0 = Date.now();
    last = undefined;
    let result: OperationResult;
    try {
      const method = call.op.method === "get" ? "GET" : "POST";
      const { data } = await client[method](call.op.path, {
        params: { path: values.path, query: values.query },
        ...(call.op.method === "post" ? { body: values.body } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      answers.set(call.op.key, data);
      const schema = call.op.success?.schema as JsonObject;
      const shape = checkBody(spec.doc, validate, schema, data);
      // Undocumented and never-seen fields are reported, but break no type a user compiles against.
      result = {
        ...base,
        status: shape.mismatches.length > 0 ? "drift" : "ok",
        ...(last ? { httpStatus: (last as { status: number }).status } : {}),
        ...(shape.mismatches.length > 0
          ? { mismatches: shape.mismatches.map((m) => ({ ...m, path: displayPath(m.path) })) }
          : {}),
        ...(shape.undocumented.length > 0 ? { undocumented: shape.undocumented } : {}),
        ...(shape.neverSeen.length > 0 ? { neverSeen: shape.neverSeen } : {}),
      };
    } catch (error) {
      if (options.signal?.aborted) {
        stopped = "interrupted";
        results.push({ ...base, status: "not-checked", why: stopReason(stopped, input.maxRequests) });
        continue;
      }
      result = { ...base, status: "error", ...describeError(error) };
      if (call.op.key === LOCATION_PROBE) throw probeError(error, input.location);
      if (result.httpStatus === 401) stopped = "auth";
    }
    result.durationMs = Date.now() - t0;
    results.push(result);
    emit({ type: "result", n, total, result, elapsedMs: elapsed() });
  }

  for (const np of plan.notPlanned)
    results.push({ ...baseResult(np.op, false), status: "not-checked", why: np.why });
  return {
    tool: "altegio-b2b verify",
    specSha256: spec.sha256,
    startedAt,
    durationMs: elapsed(),
    requests,
    limiterWaitMs,
    ...(stopped ? { stopped } : {}),
    totals: totalsOf(results),
    operations: results,
  };
}

interface CheckedInput {
  location: string;
  partnerToken: string;
  userToken: string | undefined;
  baseUrl: string;
  only: string[] | undefined;
  maxRequests: number | undefined;
}

/** Everything that can be wrong before a request, refused before any is sent. */
function checkInput(options: VerifyOptions): CheckedInput {
  const location = String(options.location ?? "").trim();
  if (!/^[1-9]\d{0,17}$/.test(location)) {
    throw new AltegioConfigError("--location", "must be a location id (a positive integer)");
  }
  const partnerToken = options.partnerToken?.trim();
  if (!partnerToken)
    throw new AltegioConfigError("ALTEGIO_PARTNER_TOKEN", "not set (the partner token is required)");
  if (!/^[\x21-\x7e]+$/.test(partnerToken)) {
    throw new AltegioConfigError("ALTEGIO_PARTNER_TOKEN", "must be printable ASCII without spaces");
  }
  const userToken = options.userToken?.trim() || undefined;
  if (userToken !== undefined && !/^[\x21-\x7e]+$/.test(userToken)) {
    throw new AltegioConfigError("ALTEGIO_USER_TOKEN", "must be printable ASCII without spaces");
  }
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new AltegioConfigError("--base-url", "must be an http(s) URL such as https://api.alteg.io/api/v1");
  }
  if (url.username || url.password)
    throw new AltegioConfigError("--base-url", "must not contain credentials");
  const only = options.only?.map((t) => t.trim()).filter((t) => t !== "");
  if (only && only.length === 0) throw new AltegioConfigError("--only", "give at least one tag");
  const max = options.maxRequests;
  if (max !== undefined && !(Number.isInteger(max) && max >= 1)) {
    throw new AltegioConfigError("--max-requests", "must be an integer >= 1");
  }
  return { location, partnerToken, userToken, baseUrl, only, maxRequests: max };
}

function resolveLimiter(value: VerifyOptions["rateLimit"]): RateLimiter | undefined {
  if (value === false) return undefined;
  if (value === undefined) return defaultRateLimiter();
  if ("acquire" in value) return value;
  return createRateLimiter({ ...ALTEGIO_RATE_LIMIT, ...value });
}

function measured(limiter: RateLimiter | undefined, onWait: (ms: number) => void): RateLimiter | undefined {
  if (!limiter) return undefined;
  return {
    async acquire(signal) {
      const t0 = performance.now();
      await limiter.acquire(signal);
      onWait(performance.now() - t0);
    },
  };
}

function baseResult(op: SpecOperation, forDiscovery: boolean): OperationResult {
  return {
    operation: op.key,
    operationId: op.operationId,
    tag: op.tag,
    status: "not-checked",
    ...(forDiscovery ? { forDiscovery: true as const } : {}),
  };
}

function stopReason(stopped: NonNullable<VerifyReport["stopped"]>, max: number | undefined): string {
  if (stopped === "interrupted") return "the run was interrupted";
  if (stopped === "auth") return "the run stopped: a token was refused (401)";
  return `--max-requests ${max} reached`;
}

/** Only the status and the error's class: a vendor message may quote the data. */
function describeError(error: unknown): Pick<OperationResult, "httpStatus" | "error"> {
  if (isAltegioApiError(error)) {
    if (error.status < 200 || error.status >= 300) return { httpStatus: error.status, error: error.name };
    // A 2xx the client refused: a body that is not JSON (its cause), or one saying success: false.
    const notJson = error.cause instanceof SyntaxError;
    return {
      httpStatus: error.status,
      error: notJson ? "the body is not JSON" : "the body says success: false",
    };
  }
  if (isAltegioError(error)) return { error: error.name };
  if (error instanceof SyntaxError) return { error: "the body is not JSON" };
  return { error: error instanceof Error ? error.name : "unknown error" };
}

/**
 * The location probe failed: the token or the location given is wrong. That is bad input (exit
 * 2) like any other, so an AltegioConfigError naming what to fix.
 */
function probeError(error: unknown, location: string): AltegioConfigError {
  if (isAltegioApiError(error)) {
    if (error.status === 401) {
      return new AltegioConfigError("ALTEGIO_PARTNER_TOKEN", `refused by the API (401 on ${LOCATION_PROBE})`);
    }
    if (error.status === 403)
      return new AltegioConfigError("--location", `the token cannot read location ${location} (403)`);
    if (error.status === 404)
      return new AltegioConfigError("--location", `location ${location} not found (404)`);
    return new AltegioConfigError("--location", `${LOCATION_PROBE} failed with status ${error.status}`);
  }
  const what = isAltegioError(error) ? error.name : error instanceof Error ? error.name : "error";
  return new AltegioConfigError("--base-url", `${LOCATION_PROBE} failed (${what})`);
}

interface Values {
  path: Record<string, string | number>;
  query: Record<string, string | number>;
  body: Record<string, Json>;
}

/** The values of a call's parameters, or why one is missing. */
function resolveParams(call: PlannedCall, answers: Map<string, unknown>, location: string): Values | string {
  const out: Values = { path: {}, query: {}, body: {} };
  for (const p of call.params) {
    const value = paramValue(p, answers, location);
    if (value === undefined) {
      const rule = p.source.kind === "list" ? p.source.rule : undefined;
      return rule && !answers.has(rule.from)
        ? `${p.name} comes from ${rule.from}, which did not answer`
        : `${p.name}: ${rule?.from} answered no ${rule?.field}`;
    }
    if (p.in === "body") out.body[p.name] = value;
    else out[p.in][p.name] = value;
  }
  return out;
}

function paramValue(
  p: ParamPlan,
  answers: Map<string, unknown>,
  location: string,
): string | number | undefined {
  const s = p.source;
  if (s.kind === "location") return p.numeric ? Number(location) : location;
  if (s.kind === "enum")
    return typeof s.value === "number" || typeof s.value === "string" ? s.value : undefined;
  if (s.kind === "date") {
    const d = new Date(Date.now() - s.daysAgo * 86_400_000).toISOString();
    return s.dateTime ? d : d.slice(0, 10);
  }
  const found = pick(answers.get(s.rule.from), s.rule.field.split("."));
  if (found === undefined) return undefined;
  if (!p.numeric) return String(found);
  const digits = typeof found === "number" ? found : Number(String(found).replace(/\D/g, ""));
  return Number.isFinite(digits) && String(found).trim() !== "" ? digits : undefined;
}

/** The first non-empty scalar at `data[].id`-style segments. */
function pick(node: unknown, segments: string[]): string | number | undefined {
  if (segments.length === 0) {
    return (typeof node === "number" && Number.isFinite(node)) ||
      (typeof node === "string" && node.trim() !== "")
      ? node
      : undefined;
  }
  const [head = "", ...rest] = segments;
  const list = head.endsWith("[]");
  const key = list ? head.slice(0, -2) : head;
  const next = key === "" ? node : isObject(node) ? node[key] : undefined;
  if (!list) return pick(next, rest);
  if (!Array.isArray(next)) return undefined;
  for (const item of next) {
    const found = pick(item, rest);
    if (found !== undefined) return found;
  }
  return undefined;
}
