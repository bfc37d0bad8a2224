/**
 * The contract runner behind every contract-tests/<tag>.test.ts: one named test per operation
 * and documented status, driven by openapi.yaml. Each test builds a valid request from the
 * spec's examples, sends it through OUR client against the target, and checks
 *  - the status is the one asked for, and the client sent the vendor Accept header;
 *  - Prism reported no spec violation (`sl-violations`);
 *  - the raw body validates against the documented response schema (ajv);
 *  - 2xx: the call resolved; otherwise: it threw our AltegioApiError with that status, method,
 *    path template and the vendor's own message.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { isRecord } from "../../src/internal/is-record.js";
import { type Case, casesFor } from "./cases.js";
import { AltegioApiError, contractClient } from "./client.js";
import { type BuiltRequest, buildRequest } from "./request.js";
import { type Json, loadSpec, type Operation, type Spec } from "./spec.js";
import { runSpecFile, type Target, useTarget } from "./targets.js";
import { validatorFor } from "./validator.js";
import { type Exchange, violations } from "./wire.js";

export function contractSuite(tag: string): void {
  const spec = loadSpec(runSpecFile());
  const ops = spec.operations.filter((o) => o.tag === tag);
  const target = useTarget({ beforeAll });
  describe(tag, () => {
    if (ops.length === 0) {
      test(`${tag}: openapi.yaml has operations with this tag`, () => {
        throw new Error(`no operation in ${spec.file} has tag "${tag}"`);
      });
    }
    for (const op of ops) {
      for (const c of casesFor(op)) {
        test(c.name, async (ctx) => {
          const t = target();
          const headers = t.statusHeaders(c.status, c.isDefaultSuccess);
          if (!headers) {
            ctx.skip(`skipped: a ${t.kind} target cannot be asked for status ${c.status}`);
            return;
          }
          await runCase(spec, t, c, headers);
        });
      }
    }
  });
}

export interface CaseResult {
  exchange: Exchange;
  thrown: unknown;
}

/** Send one case through the client and assert the contract; exported for the negative tests. */
export async function runCase(
  spec: Spec,
  t: Target,
  c: Case,
  headers: Record<string, string>,
  /** Negative tests break the request here on purpose. */
  mutate?: (req: BuiltRequest) => void,
): Promise<CaseResult> {
  const v = validatorFor(spec);
  const req = buildRequest(spec, v, c.op);
  mutate?.(req);
  const log: Exchange[] = [];
  const client = contractClient(t, log);
  const init: Record<string, unknown> = { params: { path: req.path, query: req.query }, headers };
  if (req.body !== undefined) init.body = encodeBody(req.body, req.bodyMediaType);
  const parseAs = parseAsFor(c.op, c.status);
  if (parseAs) init.parseAs = parseAs;
  const method = c.op.method.toUpperCase() as keyof typeof client;
  let thrown: unknown;
  try {
    await client[method](c.op.path, init);
  } catch (e) {
    thrown = e;
  }
  const exchange = log.at(-1);
  if (!exchange) throw new Error(`no request reached the wire (client threw: ${String(thrown)})`);
  const where = `${exchange.method} ${c.op.path} (asked for ${c.status})`;

  const slv = exchange.responseHeaders.get("sl-violations");
  expect(
    exchange.status,
    `${where}: status; body ${exchange.responseBody.slice(0, 300)}${slv ? `; sl-violations ${slv.slice(0, 600)}` : ""}`,
  ).toBe(c.status);
  expectAccept(spec, c, exchange.requestHeaders.get("accept"));
  if (t.checksViolations) expect(violations(exchange.responseHeaders), `${where}: sl-violations`).toEqual([]);
  expect(
    v.checkResponse(
      c.op,
      exchange.status,
      exchange.responseHeaders.get("content-type"),
      exchange.responseBody,
    ),
    `${where}: response body vs schema`,
  ).toEqual([]);

  const body = parseJson(exchange.responseBody);
  const saysFailure = bodySaysFailure(body);
  if (c.status >= 200 && c.status < 300 && !saysFailure) {
    expect(thrown, `${where}: a 2xx must resolve`).toBeUndefined();
  } else {
    expect(thrown, `${where}: must throw AltegioApiError`).toBeInstanceOf(AltegioApiError);
    const err = thrown as { status: number; method: string; pathTemplate: string; vendorMessage?: string };
    expect(err.status).toBe(c.status);
    expect(err.method).toBe(exchange.method);
    expect(err.pathTemplate).toBe(c.op.path);
    const message = vendorMessage(body);
    if (message !== undefined) expect(err.vendorMessage, `${where}: vendor message`).toBe(message);
  }
  return { exchange, thrown };
}

/**
 * A response declared only as non-JSON (the application/pdf receipt) is read as bytes, as a
 * user of the client must ask with `parseAs: "blob"`; JSON otherwise (openapi-fetch's default).
 */
export function parseAsFor(op: Operation, status: number): "blob" | undefined {
  const declared = Object.keys(op.responses.find((r) => r.status === String(status))?.content ?? {});
  return declared.length > 0 && !declared.some((mt) => mt.endsWith("json")) ? "blob" : undefined;
}

function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/** `meta.message` (envelope a) or `errors.message` (envelope b, locations), per ODDITIES.md. */
export function vendorMessage(body: Json | undefined): string | undefined {
  if (!isRecord(body)) return undefined;
  const meta = body.meta;
  if (isRecord(meta) && typeof meta.message === "string" && meta.message) return meta.message;
  const errors = body.errors;
  if (isRecord(errors) && typeof errors.message === "string") return errors.message;
  return undefined;
}

/**
 * JSON bodies go as they are (the client serialises them); form bodies as FormData /
 * URLSearchParams, which openapi-fetch sends untouched with the right Content-Type.
 */
export function encodeBody(body: Json, mediaType: string | undefined): unknown {
  if (!isRecord(body)) return body;
  if (mediaType === "multipart/form-data") {
    const form = new FormData();
    for (const [k, val] of Object.entries(body)) {
      if (val !== null) form.append(k, typeof val === "object" ? JSON.stringify(val) : String(val));
    }
    return form;
  }
  if (mediaType === "application/x-www-form-urlencoded") {
    const form = new URLSearchParams();
    for (const [k, val] of Object.entries(body)) {
      if (val !== null) form.append(k, typeof val === "object" ? JSON.stringify(val) : String(val));
    }
    return form;
  }
  return body;
}

/**
 * The client must send exactly the vendor media type (root `x-altegio-media-type`) for every
 * operation whose successes are declared under it. An operation whose success is not (the
 * application/pdf receipt) gets an Accept listing its own media type and the vendor's, which
 * must admit whatever the asked-for status is declared under.
 */
function expectAccept(spec: Spec, c: Case, accept: string | null): void {
  const declared = Object.keys(c.op.responses.find((r) => r.status === String(c.status))?.content ?? {});
  const successTypes = c.op.responses
    .filter((r) => r.status.startsWith("2"))
    .flatMap((r) => Object.keys(r.content ?? {}));
  const vendorCovers = successTypes.length === 0 || (spec.mediaType && successTypes.includes(spec.mediaType));
  if (spec.mediaType && vendorCovers) {
    expect(accept, "client's Accept header").toBe(spec.mediaType);
    return;
  }
  const sent = (accept ?? "").split(",").map((p) => p.split(";")[0]?.trim() ?? "");
  const admits = (mt: string) =>
    sent.some((a) => a === mt || a === "*/*" || (a.endsWith("/*") && mt.startsWith(a.slice(0, -1))));
  expect(declared.some(admits), `client's Accept "${accept}" admits one of ${declared.join(", ")}`).toBe(
    true,
  );
}

/** The client treats a 2xx as a failure when the body says so (either envelope, ODDITIES.md). */
export function bodySaysFailure(body: Json | undefined): boolean {
  if (!isRecord(body)) return false;
  const errors = body.errors;
  return (
    body.success === false ||
    (isRecord(errors) && (errors.code !== undefined || typeof errors.message === "string"))
  );
}

export { parseJson };
