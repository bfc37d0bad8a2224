// Figures of the catalog held against openapi.yaml (printed by test/spec/catalog.test.ts).
import {
  type CatalogOperation,
  catalogCompatible,
  checkFields,
  contentSchema,
  isEnveloped,
  schemeOf,
  specOperations,
} from "./catalog.js";
import type { Json } from "./openapi.js";

export interface CatalogFigures {
  operations: [number, number];
  security: [number, number];
  parameters: { found: number; agreeing: number; total: number };
  request: { found: number; compatible: number; total: number };
  response: { found: number; compatible: number; total: number };
  statuses: [number, number];
  envelopes: [number, number];
  sources: Record<string, number>;
}

export function catalogFigures(spec: Json, catalog: CatalogOperation[]): CatalogFigures {
  const byId = specOperations(spec);
  const present = catalog.filter((c) => byId.has(c.operationId));
  const withScheme = present.filter((c) => (c.security?.schemes ?? []).length > 0);
  const security = withScheme.filter(
    (c) => schemeOf(byId.get(c.operationId)?.operation ?? {}) === c.security?.schemes?.[0],
  );
  let found = 0;
  let agreeing = 0;
  let total = 0;
  for (const c of catalog) {
    const op = byId.get(c.operationId)?.operation;
    for (const p of c.parameters ?? []) {
      total++;
      const sp = ((op?.parameters ?? []) as Json[]).find(
        (x) => x.in === p.in && (x.name === p.name || x["x-altegio-documented-name"] === p.name),
      );
      if (!sp) continue;
      found++;
      const types =
        typeof p.schema?.type === "string" ? [p.schema.type] : ((p.schema?.type ?? []) as string[]);
      if (
        (sp.required === true) === (p.required === true || p.in === "path") &&
        catalogCompatible(spec, sp.schema as Json, types)
      )
        agreeing++;
    }
  }
  const fields = checkFields(spec, catalog);
  const count = (section: string) => {
    const f = fields.filter((x) => x.section === section);
    return {
      found: f.filter((x) => x.found).length,
      compatible: f.filter((x) => x.compatible).length,
      total: f.length,
    };
  };
  const statuses = present.filter(
    (c) =>
      Object.keys((byId.get(c.operationId)?.operation.responses ?? {}) as Json)
        .filter((s) => s.startsWith("2"))
        .join() === c.response.statusCode,
  );
  const shaped = present.filter((c) => c.response.schema);
  const envelopes = shaped.filter((c) => {
    const op = byId.get(c.operationId)?.operation ?? {};
    const body = contentSchema(spec, ((op.responses ?? {}) as Json)[c.response.statusCode] as Json);
    return isEnveloped(spec, body) === (c.response.envelope === "v1");
  });
  const sources: Record<string, number> = {};
  for (const { operation } of byId.values()) {
    const key = JSON.stringify(operation["x-altegio-docs"]);
    sources[key] = (sources[key] ?? 0) + 1;
  }
  return {
    operations: [present.length, catalog.length],
    security: [security.length, withScheme.length],
    parameters: { found, agreeing, total },
    request: count("request"),
    response: count("response"),
    statuses: [statuses.length, present.length],
    envelopes: [envelopes.length, shaped.length],
    sources,
  };
}
