// Operations of openapi.yaml by operationId (callbacks included), and the moves the catalog asks for.
import type { Schema } from "./schema.js";

export type Doc = Record<string, unknown> & {
  paths: Record<string, Record<string, Schema>>;
  components: { schemas: Record<string, Schema> };
  tags?: Schema[];
};

export const METHOD_ORDER = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export interface Located {
  path: string;
  method: string;
  operation: Schema;
  via: "path" | "callback";
}

export function operationsById(doc: Doc): Map<string, Located> {
  const out = new Map<string, Located>();
  const visit = (paths: Record<string, Record<string, Schema>>, via: Located["via"]): void => {
    for (const [path, item] of Object.entries(paths)) {
      for (const method of METHOD_ORDER) {
        const operation = item[method];
        if (!operation) continue;
        out.set(String(operation.operationId), { path, method, operation, via });
        for (const callback of Object.values((operation.callbacks ?? {}) as Record<string, Schema>))
          visit(callback as Record<string, Record<string, Schema>>, "callback");
      }
    }
  };
  visit(doc.paths, "path");
  return out;
}

/** Moves an operation to another path item; the path template's parameters pair by position. */
export function moveOperation(doc: Doc, at: Located, to: string): void {
  const from = doc.paths[at.path];
  if (!from) throw new Error(`${String(at.operation.operationId)}: no path item ${at.path}`);
  const target = doc.paths[to] ?? {};
  if (target[at.method]) throw new Error(`${String(at.operation.operationId)}: ${at.method} ${to} exists`);
  const names = (p: string): string[] => [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? "");
  const [before, after] = [names(at.path), names(to)];
  if (before.length !== after.length)
    throw new Error(`${String(at.operation.operationId)}: ${at.path} → ${to} changes the path parameters`);
  for (const parameter of (at.operation.parameters ?? []) as Schema[]) {
    const k = parameter.in === "path" ? before.indexOf(String(parameter.name)) : -1;
    if (k >= 0 && after[k] !== parameter.name) parameter.name = after[k];
  }
  delete from[at.method];
  if (Object.keys(from).length === 0) delete doc.paths[at.path];
  target[at.method] = at.operation;
  doc.paths[to] = target;
  at.path = to;
}

/** Paths sorted, methods in HTTP order (as the converter emits them). */
export function sortPaths(doc: Doc): void {
  const sorted: Doc["paths"] = {};
  for (const path of Object.keys(doc.paths).sort()) {
    const item = doc.paths[path] ?? {};
    const ordered: Record<string, Schema> = {};
    for (const key of METHOD_ORDER) if (item[key]) ordered[key] = item[key];
    for (const [key, value] of Object.entries(item)) if (!(key in ordered)) ordered[key] = value;
    sorted[path] = ordered;
  }
  doc.paths = sorted;
}

/** The tag slug whose x-displayName is the catalog's tag ("Subscriptions & Certificates"). */
export function tagSlug(doc: Doc, displayName: string | undefined): string {
  const normalize = (s: string): string =>
    s
      .toLowerCase()
      .replace(/&/g, "and")
      .replace(/[^a-z0-9]+/g, "");
  const wanted = normalize(displayName ?? "");
  const tag = (doc.tags ?? []).find(
    (t) => normalize(String(t["x-displayName"] ?? "")) === wanted || normalize(String(t.name)) === wanted,
  );
  if (!tag) throw new Error(`no tag of openapi.yaml is called "${displayName ?? ""}"`);
  return String(tag.name);
}
