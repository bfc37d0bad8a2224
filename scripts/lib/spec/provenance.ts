// spec/provenance.json: where openapi.yaml comes from, and the sha256 of it and of every input.
// The date only changes when the inputs do (so a rebuild with unchanged inputs is byte-identical).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { sha256 } from "../../../src/internal/sha256.js";
import { CATALOG_OUTPUTS, type CatalogProvenance } from "../catalog/step.js";
import {
  BUNDLE_URL,
  ENTITY_OVERLAY_FILE,
  OVERLAY_FILE,
  PROVENANCE_FILE,
  REFERENCE_DIR,
  SEED_FILE,
} from "./inputs.js";
import { SOURCES_OUTPUTS } from "./sources.js";

/**
 * Everything openapi.yaml is built from: the vendor reference (pages and blueprint), seed, overlays,
 * the converter and the blueprint module with its pairings (both shape the output).
 */
export const INPUT_ROOTS = [
  REFERENCE_DIR,
  "spec/reference",
  SEED_FILE,
  OVERLAY_FILE,
  ENTITY_OVERLAY_FILE,
  "spec/blueprint-pairings.tsv",
  "scripts/lib/spec",
  "scripts/lib/blueprint",
  "scripts/lib/catalog",
  // The shared helpers the converter imports (isRecord, sha256).
  "src/internal",
  "spec/evidence/responses",
  "spec/evidence/calls.tsv",
  "scripts/lib/evidence",
];

export interface Provenance {
  source: string;
  bundleUrl: string;
  /** The vendor catalog copied into spec/reference/vendor-catalog: where from, and its hash. */
  catalog?: CatalogProvenance;
  date: string;
  openapiSha256: string;
  inputsSha256: string;
  inputs: Record<string, string>;
}

function listFiles(root: string, entry: string): string[] {
  const full = join(root, entry);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full).flatMap((name) => listFiles(root, join(entry, name)));
}

export function hashInputs(root: string): Record<string, string> {
  const outputs = new Set([...CATALOG_OUTPUTS, ...SOURCES_OUTPUTS]);
  const files = [...new Set(INPUT_ROOTS.flatMap((entry) => listFiles(root, entry)))]
    .filter((file) => !outputs.has(file))
    .sort();
  return Object.fromEntries(
    files.map((file) => [relative(root, join(root, file)), sha256(readFileSync(join(root, file)))]),
  );
}

export function makeProvenance(
  root: string,
  openapiText: string,
  source: { source: string; bundleUrl?: string; catalog?: CatalogProvenance },
  today: () => string,
): Provenance {
  const inputs = hashInputs(root);
  const inputsSha256 = sha256(JSON.stringify(inputs));
  const previous = readPrevious(root);
  return {
    source: source.source,
    bundleUrl: source.bundleUrl ?? BUNDLE_URL,
    ...(source.catalog ? { catalog: source.catalog } : {}),
    date: previous?.inputsSha256 === inputsSha256 && previous.date ? previous.date : today(),
    openapiSha256: sha256(openapiText),
    inputsSha256,
    inputs,
  };
}

function readPrevious(root: string): Provenance | undefined {
  const file = join(root, PROVENANCE_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Provenance;
  } catch {
    return undefined;
  }
}

export const provenanceText = (p: Provenance): string => `${JSON.stringify(p, null, 2)}\n`;
