// The vendor's own OpenAPI bundle, as digested by its MCP catalog (spec/reference/vendor-catalog,
// README.md there): the v1 entries, typed as far as the converter reads them.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const CATALOG_DIR = "spec/reference/vendor-catalog";
export const CATALOG_FILE = `${CATALOG_DIR}/catalog.json`;

/** Where the copy comes from (README.md there): recorded in spec/provenance.json. */
export const CATALOG_ORIGIN = {
  repository: "altegio/altegio-pro-mcp",
  commit: "419bd5956def6ef6256511fc413b756cbdccdce4",
  path: "src/generated/catalog.json",
} as const;

export type CatalogSchema = Record<string, unknown>;

export interface CatalogParameter {
  name: string;
  in: "path" | "query";
  required?: boolean;
  description?: string;
  schema?: CatalogSchema;
}

export interface CatalogEntry {
  source: string;
  operationId: string;
  method: string;
  path: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  security?: { required?: boolean; schemes?: string[] };
  parameters?: CatalogParameter[];
  requestBody?: { required?: boolean; contentType?: string; schema?: CatalogSchema };
  response: { statusCode: string; contentType?: string; envelope?: string; schema?: CatalogSchema };
}

export interface Catalog {
  /** Only `source: "v1"`: the v2 and v3 entries are other APIs. */
  entries: CatalogEntry[];
  sha256: string;
}

export function readCatalog(root: string): Catalog {
  const text = readFileSync(join(root, CATALOG_FILE));
  const parsed = JSON.parse(text.toString("utf8")) as { operations?: CatalogEntry[] };
  if (!Array.isArray(parsed.operations)) throw new Error(`${CATALOG_FILE}: no "operations" list`);
  return {
    entries: parsed.operations.filter((o) => o.source === "v1"),
    sha256: createHash("sha256").update(text).digest("hex"),
  };
}

/** The one scheme an entry names, undefined when it names none (POST /auth). */
export function catalogScheme(entry: CatalogEntry): string | undefined {
  const schemes = entry.security?.schemes ?? [];
  if (schemes.length > 1) throw new Error(`${entry.operationId}: more than one security scheme`);
  return schemes[0];
}
