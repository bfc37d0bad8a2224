// The pipeline step that makes the vendor catalog a source of openapi.yaml (issue 17). Runs after
// the blueprint enrichment and before the corrections overlay (where real-world evidence lives),
// so the order of authority per fact is: evidence > catalog > page > blueprint > index.
// The catalog decides operations, paths, security, parameters, success status, envelope and the
// shapes it keeps; what it truncates stays as the page (or the blueprint) has it.

import { applyBodies } from "./bodies-merge.js";
import type { Disagreement, OtherSource } from "./disagreements.js";
import { newOperation } from "./new-operation.js";
import { type Doc, type Located, moveOperation, operationsById, sortPaths } from "./operations.js";
import { applyParameters } from "./parameters.js";
import { type Catalog, type CatalogEntry, catalogScheme } from "./read.js";
import { applyResponse } from "./responses.js";
import type { Schema } from "./schema.js";

/** x-altegio-docs before this step → the sources an operation now has, the catalog first. */
const SOURCES: Record<string, string[]> = {
  page: ["catalog", "page"],
  "yclients-blueprint": ["catalog", "yclients-blueprint"],
  // Method, path and a loose envelope were all INDEX.md gave; the catalog now says more of each.
  "index-only": ["catalog"],
};

export function applyCatalog(input: Record<string, unknown>, catalog: Catalog): Disagreement[] {
  const doc = input as Doc;
  const found: Disagreement[] = [];
  const byId = operationsById(doc);
  for (const entry of catalog.entries) {
    const at = byId.get(entry.operationId);
    if (!at) {
      addOperation(doc, entry, found);
      continue;
    }
    const docs = String(at.operation["x-altegio-docs"]);
    const source = (docs in SOURCES ? docs : "none") as OtherSource;
    const record = (d: Omit<Disagreement, "operationId" | "source">): void => {
      found.push({ operationId: entry.operationId, source, ...d });
    };
    // The partner's own endpoint (fiscalize_document) is a callback: it has no path of the API.
    if (at.via === "path") applyPath(doc, at, entry, record);
    applySecurity(at.operation, entry, record);
    applyParameters(at.operation, entry, source, doc.components.schemas, record);
    applyResponse(doc, at.operation, entry, source, record);
    applyBodies(doc, at.operation, entry, source, record);
    at.operation["x-altegio-docs"] = SOURCES[docs] ?? ["catalog"];
  }
  // The list half split off a GET with an optional last segment (path-split.ts) is not in the
  // catalog: it follows its documented half's sources and security.
  const all = operationsById(doc);
  for (const { operation } of all.values()) {
    const of = (operation["x-altegio-split"] as Schema | undefined)?.of;
    const origin = typeof of === "string" ? all.get(of)?.operation : undefined;
    if (operation["x-altegio-split"] && (operation["x-altegio-split"] as Schema).form === "list" && origin) {
      operation["x-altegio-docs"] = origin["x-altegio-docs"];
      operation.security = origin.security;
    } else if (typeof operation["x-altegio-docs"] === "string") {
      throw new Error(`${String(operation.operationId)}: not in the catalog, and not a split list form`);
    }
  }
  sortPaths(doc);
  return found;
}

function addOperation(doc: Doc, entry: CatalogEntry, found: Disagreement[]): void {
  const path = doc.paths[entry.path] ?? {};
  const method = entry.method.toLowerCase();
  if (path[method])
    throw new Error(`${entry.operationId}: ${entry.method} ${entry.path} is another operation`);
  path[method] = newOperation(doc, entry);
  doc.paths[entry.path] = path;
  found.push({
    kind: "operation-missing",
    operationId: entry.operationId,
    where: `${entry.method} ${entry.path}`,
    catalog: "present",
    source: "none",
    other: "absent",
    resolution: "catalog",
  });
}

type Record_ = (d: Omit<Disagreement, "operationId" | "source">) => void;

function applyPath(doc: Doc, at: Located, entry: CatalogEntry, record: Record_): void {
  const documented = String(at.operation["x-altegio-documented-path"] ?? at.path);
  const method = entry.method.toLowerCase();
  if (method !== at.method)
    throw new Error(`${entry.operationId}: the catalog says ${entry.method}, openapi.yaml ${at.method}`);
  if (entry.path === documented || entry.path === at.path) return;
  record({ kind: "path", where: "path", catalog: entry.path, other: documented, resolution: "catalog" });
  at.operation["x-altegio-documented-path"] = documented;
  moveOperation(doc, at, entry.path);
}

function applySecurity(operation: Schema, entry: CatalogEntry, record: Record_): void {
  const current = Object.keys(((operation.security as Schema[] | undefined) ?? [])[0] ?? {})[0] ?? "none";
  const scheme = catalogScheme(entry);
  if (scheme === current) return;
  if (scheme === undefined) {
    // POST /auth: the bundle declares no security; the call still carries the partner token.
    record({
      kind: "security",
      where: "security",
      catalog: "none",
      other: current,
      resolution: "kept",
      note: "the bundle declares no scheme; the request is still sent with the partner token",
    });
    return;
  }
  record({ kind: "security", where: "security", catalog: scheme, other: current, resolution: "catalog" });
  operation.security = [{ [scheme]: [] }];
}
