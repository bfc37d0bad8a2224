// The calls public integrations make (spec/evidence/calls.tsv), grouped by method and path, and
// which of them openapi.yaml knows. Paths name their parameters as each integration did
// ({company_id}, {id}), so a call is its method plus its path with every parameter written `{p}`:
// `GET /company/{company_id}/staff` and `GET /company/{id}/staff` are one call. Rows whose note
// says "guess" are not evidence and are left out. Matching to the spec is segment by segment
// (match.ts), the same as for the recorded responses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CALLS_TSV, readTsv } from "./files.js";
import { findOperation, type Routable } from "./match.js";

const METHODS = ["get", "put", "post", "delete", "patch"];

export interface CallGroup {
  /** `GET /company/{p}/staff` */
  key: string;
  method: string;
  /** The path with every parameter written `{p}`. */
  path: string;
  /** Distinct integrations (repositories) making the call, sorted. */
  repos: string[];
  /** Line numbers in calls.tsv (1 = the header). */
  lines: number[];
}

export function normalizeCallPath(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{p}").replace(/\/+$/, "");
}

/** The calls of calls.tsv, guesses left out, one group per method + normalized path. */
export function readCallGroups(root: string): CallGroup[] {
  const rows = readTsv(readFileSync(join(root, CALLS_TSV), "utf8"));
  const groups = new Map<string, CallGroup>();
  rows.forEach((row, index) => {
    if (/guess/i.test(row.note ?? "")) return;
    const method = (row.method ?? "").toUpperCase();
    const path = normalizeCallPath(row.path ?? "");
    const key = `${method} ${path}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, method, path, repos: [], lines: [] };
      groups.set(key, group);
    }
    if (row.repo && !group.repos.includes(row.repo)) group.repos.push(row.repo);
    group.lines.push(index + 2);
  });
  for (const g of groups.values()) g.repos.sort();
  return [...groups.values()];
}

/** Every (method, path) of a document's paths. */
export function routesOf(doc: Record<string, unknown>): Routable[] {
  const out: Routable[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, unknown>>))
    for (const method of METHODS) if (item?.[method]) out.push({ method, path });
  return out;
}

/** Calls the document knows / all calls (the figure issue 18 reports). */
export function callsKnown(
  doc: Record<string, unknown>,
  groups: CallGroup[],
): { known: number; total: number } {
  const routes = routesOf(doc);
  const known = groups.filter((g) => findOperation(routes, g.method, g.path) !== undefined).length;
  return { known, total: groups.length };
}
