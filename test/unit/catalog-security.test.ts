// The operations whose security the vendor catalog corrected (spec/reference/catalog-disagreements.tsv,
// kind `security`, resolution `catalog`) are sent with the catalog's Authorization, at the wire.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { json, type LocalServer, ok, startServer } from "./support/local-server.js";
import { PARTNER, testClient, USER } from "./support/test-client.js";

const root = join(import.meta.dirname, "../..");
const catalog = JSON.parse(
  readFileSync(join(root, "spec/reference/vendor-catalog/catalog.json"), "utf8"),
) as {
  operations: { source: string; operationId: string; security?: { schemes?: string[] } }[];
};
const corrected = readFileSync(join(root, "spec/reference/catalog-disagreements.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split("\t"))
  .filter(([kind, , , , , , resolution]) => kind === "security" && resolution === "catalog")
  .map(([, operationId]) => operationId ?? "");

type Operation = { operationId: string; parameters?: { name: string; in: string }[] };
const spec = parse(readFileSync(join(root, "openapi.yaml"), "utf8")) as {
  paths: Record<string, Record<string, Operation>>;
};
function find(operationId: string): { method: string; path: string; operation: Operation } {
  for (const [path, item] of Object.entries(spec.paths))
    for (const [method, operation] of Object.entries(item))
      if (operation.operationId === operationId) return { method: method.toUpperCase(), path, operation };
  throw new Error(`${operationId} is not in openapi.yaml`);
}

let server: LocalServer;
beforeEach(async () => {
  server = await startServer((_req, res) => json(res, 200, ok({ id: 1 })));
});
afterEach(() => server.close());

describe("security corrected by the vendor catalog, at the wire", () => {
  it("has the nine operations the issue names, and the one the catalog confirms over the blueprint", () => {
    expect(corrected).toContain("get_event");
    expect(corrected).toContain("get_membership_list");
    expect(corrected.length).toBeGreaterThanOrEqual(9);
  });

  it.each(corrected)("%s sends the Authorization the catalog's scheme asks for", async (operationId) => {
    const scheme = catalog.operations.find((o) => o.source === "v1" && o.operationId === operationId)
      ?.security?.schemes?.[0];
    const { method, path, operation } = find(operationId);
    const params: Record<string, Record<string, unknown>> = { path: {}, query: {} };
    for (const p of operation.parameters ?? []) if (p.in === "path") (params.path ?? {})[p.name] = 1;
    const client = testClient(server);
    // biome-ignore lint/suspicious/noExplicitAny: method and path are read from openapi.yaml at run time
    const call = (client as any)[method](path, { params, ...(method === "GET" ? {} : { body: {} }) });
    await call.catch(() => undefined);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe(
      scheme === "BearerPartner" ? `Bearer ${PARTNER}` : `Bearer ${PARTNER}, User ${USER}`,
    );
  });
});
