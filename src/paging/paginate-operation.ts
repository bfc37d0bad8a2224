import { type OperationPaging, paging } from "../../generated/paging.js";
import { AltegioConfigError } from "../errors/altegio-config-error.js";
import { burstOf, DEFAULT_BURST } from "./client-burst.js";
import { isLastPage } from "./is-last-page.js";
import { orderedPages } from "./ordered-pages.js";
import type { Paginated } from "./types.js";

/** The vendor's usual page size, for operations whose page states none. */
const FALLBACK_PAGE_SIZE = 25;

type Body = { data?: unknown; meta?: unknown } | undefined;
type Init = Record<string, unknown> & { params?: Record<string, unknown>; body?: unknown };
type Call = (path: string, init: Init) => Promise<{ data?: unknown }>;

interface Plan {
  method: string;
  spec: OperationPaging;
  pageSize: number;
  concurrency: number;
  maxPages: number;
  request: Init;
}

/** Path → `"<METHOD> <path>"` entry of generated/paging.ts. */
const BY_PATH = new Map<string, [string, OperationPaging]>(
  Object.entries(paging as Readonly<Record<string, OperationPaging>>).map(([key, spec]) => {
    const cut = key.indexOf(" ");
    return [key.slice(cut + 1), [key.slice(0, cut), spec]];
  }),
);

/**
 * `paginate(client, path, init)`: checks everything before any request (an unknown path, a
 * page size above the operation's maximum), then returns the iterable. See {@link paginate}.
 */
export function paginateOperation(
  client: unknown,
  path: unknown,
  init: unknown,
): Paginated<unknown, unknown> {
  const plan = planWalk(client, path, init);
  const call = (client as Record<string, Call>)[plan.method] as Call;
  const send = (request: Init) => call.call(client, path as string, request).then((r) => r.data as Body);
  const pages = () =>
    plan.spec.style === "cursor" ? cursorPages(plan, plan.spec, send) : numberedPages(plan, send);
  async function* items(): AsyncGenerator<unknown, void, undefined> {
    for await (const page of pages()) {
      const data = page?.data;
      if (Array.isArray(data)) yield* data;
      else if (data !== undefined && data !== null) yield data;
    }
  }
  return { [Symbol.asyncIterator]: items, items, pages };
}

function planWalk(client: unknown, path: unknown, init: unknown): Plan {
  if (
    typeof client !== "object" ||
    client === null ||
    typeof (client as Record<string, unknown>).GET !== "function"
  )
    throw new AltegioConfigError("client", "must be a client from createAltegioClient");
  const found = typeof path === "string" ? BY_PATH.get(path) : undefined;
  if (!found) throw new AltegioConfigError("path", `${String(path)} has no paging in openapi.yaml`);
  const [method, spec] = found;
  if (init !== undefined && (typeof init !== "object" || init === null))
    throw new AltegioConfigError("init", "must be an object");
  const { pageSize, concurrency, maxPages, ...request } = (init ?? {}) as Init & {
    pageSize?: unknown;
    concurrency?: unknown;
    maxPages?: unknown;
  };
  const burst = burstOf(client) ?? DEFAULT_BURST;
  const plan: Plan = {
    method,
    spec,
    pageSize: 0,
    concurrency: positive(concurrency ?? burst, "concurrency"),
    maxPages: maxPages === undefined ? Infinity : positive(maxPages, "maxPages"),
    request,
  };
  if (spec.style === "page") {
    const size = positive(pageSize ?? spec.maximum ?? spec.default ?? FALLBACK_PAGE_SIZE, "pageSize");
    if (spec.maximum !== undefined && size > spec.maximum)
      throw new AltegioConfigError("pageSize", `must be at most ${spec.maximum} for ${method} ${path}`);
    plan.pageSize = size;
  } else if (pageSize !== undefined) {
    throw new AltegioConfigError(
      "pageSize",
      `${method} ${path} pages by cursor; the server sets the page size`,
    );
  }
  return plan;
}

function positive(value: unknown, option: string): number {
  if (!Number.isInteger(value) || (value as number) < 1)
    throw new AltegioConfigError(option, "must be an integer >= 1");
  return value as number;
}

/** Adds the walk's abort to the caller's own signal, if any. */
function walkSignal(request: Init, controller: AbortController): AbortSignal {
  const own = request.signal as AbortSignal | undefined;
  return own ? AbortSignal.any([own, controller.signal]) : controller.signal;
}

function withPage(
  plan: Plan,
  spec: Extract<OperationPaging, { style: "page" }>,
  page: number,
  signal: AbortSignal,
) {
  const fields = { [spec.page]: page, [spec.size]: plan.pageSize };
  const { request } = plan;
  if (spec.in === "body") return { ...request, body: { ...(request.body as object), ...fields }, signal };
  const params = request.params ?? {};
  return { ...request, params: { ...params, query: { ...(params.query as object), ...fields } }, signal };
}

/**
 * page + size: the first page, then, when it gives `meta.total_count`, every remaining page at
 * once (bounded by `concurrency`, in order); otherwise one page after another until a short or
 * empty page, or `meta.to` reaching the total.
 */
async function* numberedPages(
  plan: Plan,
  send: (r: Init) => Promise<Body>,
): AsyncGenerator<Body, void, undefined> {
  const spec = plan.spec as Extract<OperationPaging, { style: "page" }>;
  const controller = new AbortController();
  const signal = walkSignal(plan.request, controller);
  const get = (page: number) => send(withPage(plan, spec, page, signal));
  const query = (plan.request.params?.query ?? {}) as Record<string, unknown>;
  const body = (plan.request.body ?? {}) as Record<string, unknown>;
  const asked = spec.in === "body" ? body[spec.page] : query[spec.page];
  const start = Number.isInteger(asked) && (asked as number) >= 1 ? (asked as number) : 1;

  const first = await get(start);
  const firstItems = itemsOf(first);
  if (firstItems.length === 0) return;
  yield first;
  if (firstItems.length < plan.pageSize || plan.maxPages === 1) return;
  const total = totalOf(first?.meta);
  if (total !== undefined) {
    const last = Math.min(Math.ceil(total / plan.pageSize), start + plan.maxPages - 1);
    const rest = orderedPages(start + 1, last, plan.concurrency, get, () => controller.abort());
    for await (const page of rest) {
      const items = itemsOf(page);
      if (items.length === 0) return; // the list shrank since the first page
      yield page;
      if (items.length < plan.pageSize) return;
    }
    return;
  }
  let seen = firstItems.length;
  for (let page = start + 1; page < start + plan.maxPages; page++) {
    const answer = await get(page);
    const items = itemsOf(answer);
    if (items.length === 0) return;
    seen += items.length;
    yield answer;
    if (items.length < plan.pageSize || isLastPage(answer?.meta, seen)) return;
  }
}

/**
 * Cursor (search_client_visits): the next request's body takes the cursor's fields
 * (`meta.dateCursor.next.from`/`to`); done when the next page is empty or the cursor stands still.
 */
async function* cursorPages(
  plan: Plan,
  spec: Extract<OperationPaging, { style: "cursor" }>,
  send: (r: Init) => Promise<Body>,
): AsyncGenerator<Body, void, undefined> {
  const signal = walkSignal(plan.request, new AbortController());
  let body = { ...(plan.request.body as Record<string, unknown>) };
  for (let fetched = 0; fetched < plan.maxPages; fetched++) {
    const answer = await send({ ...plan.request, body, signal });
    if (answer?.data === undefined || answer.data === null) return;
    yield answer;
    const next = pick(answer, spec.cursor);
    if (typeof next !== "object" || next === null) return;
    const cursor = next as Record<string, unknown>;
    if (cursor.count === 0 || spec.fields.every((f) => cursor[f] === null || cursor[f] === undefined)) return;
    if (spec.fields.every((f) => cursor[f] === body[f])) return;
    body = { ...body, ...Object.fromEntries(spec.fields.map((f) => [f, cursor[f]])) };
  }
}

function itemsOf(body: Body): readonly unknown[] {
  return Array.isArray(body?.data) ? body.data : [];
}

function totalOf(meta: unknown): number | undefined {
  const total = (meta as Record<string, unknown> | null | undefined)?.total_count;
  return typeof total === "number" && Number.isFinite(total) && total >= 0 ? total : undefined;
}

function pick(value: unknown, dotted: string): unknown {
  let node = value;
  for (const key of dotted.split(".")) node = (node as Record<string, unknown> | null | undefined)?.[key];
  return node;
}
