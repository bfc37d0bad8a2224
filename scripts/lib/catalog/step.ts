// One call for the spec pipeline (scripts/lib/spec/build.ts): read the catalog, apply it, and
// render the disagreement report and the provenance record.
import { applyCatalog } from "./apply.js";
import { type Disagreement, disagreementsMarkdown, disagreementsTsv } from "./disagreements.js";
import { CATALOG_FILE, CATALOG_ORIGIN, readCatalog } from "./read.js";

export const REPORT_TSV = "spec/reference/catalog-disagreements.tsv";
export const REPORT_MD = "spec/reference/catalog-disagreements.md";
/** Written by the build, so never inputs of it (spec/provenance.json hashes spec/reference). */
export const CATALOG_OUTPUTS = [REPORT_TSV, REPORT_MD];

export interface CatalogProvenance {
  repository: string;
  commit: string;
  path: string;
  file: string;
  sha256: string;
}

export interface CatalogStepResult {
  disagreements: Disagreement[];
  /** [repository file, text] the build writes (and spec:check compares). */
  outputs: [string, string][];
  provenance: CatalogProvenance;
}

export function catalogStep(root: string, doc: Record<string, unknown>): CatalogStepResult {
  const catalog = readCatalog(root);
  const disagreements = applyCatalog(doc, catalog);
  return {
    disagreements,
    outputs: [
      [REPORT_TSV, disagreementsTsv(disagreements)],
      [REPORT_MD, disagreementsMarkdown(disagreements, REPORT_TSV)],
    ],
    provenance: { ...CATALOG_ORIGIN, file: CATALOG_FILE, sha256: catalog.sha256 },
  };
}
