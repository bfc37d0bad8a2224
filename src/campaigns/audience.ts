/**
 * Who a campaign goes to, made explicit. The vendor warns on both by_filter pages:
 * "If there are no filters, SMS mailing will go to the entire database!" — so a filter that
 * is missing, empty or only blank values is refused unless the caller says `allClients: true`.
 */

import { isRecord } from "../internal/is-record.js";
import { CampaignInputError } from "./errors.js";

/** The by_filter query parameters (vendor pages + seed 000_a83c03cb8f062dda.txt). */
export const FILTER_KEYS = ["fullname", "phone", "email", "card"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Substring filters; the server matches clients whose field contains the value. */
export type CampaignFilter = { [K in FilterKey]?: string };

/**
 * Exactly one of:
 * - `{ clientIds }`: these clients (the by_id operations);
 * - `{ filter }`: clients matching every given filter (the by_filter operations);
 * - `{ allClients: true }`: the whole client database of the location, on purpose.
 */
export type CampaignAudience =
  | { clientIds: readonly number[]; filter?: never; allClients?: never }
  | { filter: CampaignFilter; clientIds?: never; allClients?: never }
  | { allClients: true; filter?: CampaignFilter; clientIds?: never };

/**
 * How filter values are put in the query string.
 * - `plain` (default): `fullname=Joh`. The deprecated client list (GET /clients/{location_id})
 *   documents the very same filters without quotes (`fullname:Joh`), and the quotes in the
 *   campaign pages' examples (`fullname:'Joh'`, `"'Joh'"`) look like an API Blueprint export
 *   artifact (ODDITIES.md, "Literal quotes in example values").
 * - `quoted`: `fullname='Joh'`, the vendor examples taken literally, for a server that turns
 *   out to need them.
 */
export type FilterQuoting = "plain" | "quoted";

export type ResolvedAudience =
  | { kind: "clientIds"; clientIds: number[]; duplicatesRemoved: number }
  | { kind: "filter"; filter: CampaignFilter }
  | { kind: "allClients" };

/** Keep non-blank values; refuse unknown keys and non-strings (a typo must not widen the audience). */
function normalizeFilter(raw: unknown): CampaignFilter {
  if (!isRecord(raw)) throw new CampaignInputError("audience.filter", "must be an object");
  const out: CampaignFilter = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      throw new CampaignInputError(
        `audience.filter.${key}`,
        `unknown filter (the by_filter operations take ${FILTER_KEYS.join(", ")})`,
      );
    }
    if (value === undefined) continue;
    if (typeof value !== "string") {
      throw new CampaignInputError(`audience.filter.${key}`, `must be a string, got ${typeof value}`);
    }
    if (value.trim() !== "") out[key as FilterKey] = value;
  }
  return out;
}

function normalizeClientIds(raw: unknown): { clientIds: number[]; duplicatesRemoved: number } {
  if (!Array.isArray(raw))
    throw new CampaignInputError("audience.clientIds", "must be an array of client ids");
  if (raw.length === 0) throw new CampaignInputError("audience.clientIds", "is empty: no client to send to");
  const seen = new Set<number>();
  raw.forEach((id: unknown, i) => {
    if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) {
      throw new CampaignInputError(
        `audience.clientIds[${i}]`,
        `must be a positive integer, got ${String(id)}`,
      );
    }
    seen.add(id);
  });
  // Duplicates dropped (first occurrence kept): the same client must not get the text twice.
  return { clientIds: [...seen], duplicatesRemoved: raw.length - seen.size };
}

/**
 * Check an audience and bring it to one of three explicit kinds. Throws
 * {@link CampaignInputError} (before any request) for anything ambiguous.
 *
 * @example
 * resolveAudience({ filter: { fullname: "Joh" } });  // { kind: "filter", filter: { fullname: "Joh" } }
 * resolveAudience({ filter: { phone: "  " } });      // throws: would reach the entire database
 * resolveAudience({ allClients: true });             // { kind: "allClients" }
 * resolveAudience({ clientIds: [3, 1, 3] });         // { kind: "clientIds", clientIds: [3, 1], duplicatesRemoved: 1 }
 */
export function resolveAudience(audience: unknown): ResolvedAudience {
  if (!isRecord(audience)) {
    throw new CampaignInputError(
      "audience",
      "is required: give { clientIds }, { filter } or { allClients: true }",
    );
  }
  const kinds = ["clientIds", "filter", "allClients"];
  for (const key of Object.keys(audience)) {
    // `{ filters: … }` or `{ ids: … }` must not read as "no audience given" or, worse, as no filter.
    if (!kinds.includes(key)) {
      throw new CampaignInputError(
        `audience.${key}`,
        "unknown key: give { clientIds }, { filter } or { allClients: true }",
      );
    }
  }
  const given = kinds.filter((k) => audience[k] !== undefined);
  if (given.includes("clientIds")) {
    if (given.length > 1) {
      throw new CampaignInputError(
        "audience",
        `give clientIds alone, not with ${given.slice(1).join(" and ")}`,
      );
    }
    return { kind: "clientIds", ...normalizeClientIds(audience.clientIds) };
  }
  if (audience.allClients !== undefined && audience.allClients !== true) {
    throw new CampaignInputError(
      "audience.allClients",
      `must be exactly true, got ${String(audience.allClients)}`,
    );
  }
  const filter = audience.filter === undefined ? {} : normalizeFilter(audience.filter);
  const hasFilter = Object.keys(filter).length > 0;
  if (audience.allClients === true) {
    if (hasFilter) {
      throw new CampaignInputError(
        "audience",
        "allClients: true cannot be combined with a non-empty filter (which one did you mean?)",
      );
    }
    return { kind: "allClients" };
  }
  if (audience.filter === undefined) {
    throw new CampaignInputError(
      "audience",
      "is required: give { clientIds }, { filter } or { allClients: true }",
    );
  }
  if (!hasFilter) {
    throw new CampaignInputError(
      "audience.filter",
      `is empty or only blank values: sending would reach the ENTIRE client database ` +
        `(vendor: "If there are no filters, SMS mailing will go to the entire database!"); ` +
        `give at least one of ${FILTER_KEYS.join(", ")}, or { allClients: true } if that is what you mean`,
    );
  }
  return { kind: "filter", filter };
}

/**
 * The by_filter query parameters for a resolved filter (see {@link FilterQuoting}).
 *
 * @example
 * filterQuery({ fullname: "Joh", phone: "1315" });           // { fullname: "Joh", phone: "1315" }
 * filterQuery({ fullname: "Joh" }, "quoted");                // { fullname: "'Joh'" }
 */
export function filterQuery(
  filter: CampaignFilter,
  quoting: FilterQuoting = "plain",
): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value !== undefined) query[key] = quoting === "quoted" ? `'${value}'` : value;
  }
  return query;
}
