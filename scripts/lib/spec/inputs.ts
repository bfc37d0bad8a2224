// Where the converter's inputs live, and how to read the two TSV tables of the reference folder.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const REFERENCE_DIR = "spec/reference/altegio-b2b-v1";
export const SEED_FILE = "spec/seeds/000_a83c03cb8f062dda.txt";
export const OVERLAY_FILE = "spec/corrections.overlay.yaml";
/** Corrections to the entity components, applied after the entity pass. */
export const ENTITY_OVERLAY_FILE = "spec/entities.overlay.yaml";
export const SPEC_FILE = "openapi.yaml";
export const PROVENANCE_FILE = "spec/provenance.json";
export const BUNDLE_URL = "https://developer.alteg.io/_bundle/en/b2b-v1/openapi.yaml";

export interface OperationRow {
  tag: string;
  title: string;
  method: string;
  path: string;
  slug: string;
  hasPage: boolean;
}

function readTsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");
  const names = (header ?? "").split("\t");
  return rows.map((row) => {
    const cells = row.split("\t");
    return Object.fromEntries(names.map((name, k) => [name, cells[k] ?? ""]));
  });
}

/** operations.tsv rows in index order, joined with manifest-all.tsv's `page` column. */
export function readOperations(root: string): OperationRow[] {
  const pages = new Map(
    readTsv(join(root, REFERENCE_DIR, "manifest-all.tsv")).map((r) => [r.slug ?? "", r.page === "yes"]),
  );
  return readTsv(join(root, REFERENCE_DIR, "operations.tsv")).map((r) => ({
    tag: r.tag ?? "",
    title: r.title ?? "",
    method: (r.method ?? "").toLowerCase(),
    path: r.path ?? "",
    slug: r.slug ?? "",
    hasPage: pages.get(r.slug ?? "") ?? false,
  }));
}

export function pageFile(row: Pick<OperationRow, "tag" | "slug">): string {
  return `pages/${row.tag}/${row.slug}.md`;
}
