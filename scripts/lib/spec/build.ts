// The converter pipeline: pages → model → OpenAPI, blueprint enrichment, corrections overlay, YAML.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { enrichFromBlueprint } from "../blueprint/enrich.js";
import { catalogStep, REPORT_TSV } from "../catalog/step.js";
import { callsKnown, readCallGroups } from "../evidence/calls.js";
import { applyEvidenceCorrections, type CorrectionReport } from "../evidence/correct.js";
import { readEvidence } from "../evidence/files.js";
import { type EmitReport, emitDocument, wrapEnvelopes } from "./emitter.js";
import { applyEntities } from "./entities/pass.js";
import type { Doc } from "./entities/sites.js";
import { addEvidenceOperations, type EvidenceOperation } from "./evidence-operations.js";
import { parseIndex } from "./index-parser.js";
import {
  ENTITY_OVERLAY_FILE,
  OVERLAY_FILE,
  pageFile,
  REFERENCE_DIR,
  readOperations,
  SEED_FILE,
} from "./inputs.js";
import type { PageModel } from "./model.js";
import { findOptionalSegments, type OptionalSegment } from "./optional-segments.js";
import { applyOverlay, parseOverlay } from "./overlay.js";
import { parsePage } from "./page-parser.js";
import { annotatePageLimits, type PageLimitNote } from "./page-size.js";
import { type SplitRecord, splitOptionalSegments } from "./path-split.js";
import { makeProvenance, type Provenance, provenanceText } from "./provenance.js";
import { parseSeed, SEED_NOTE, SEED_SIBLING, SEEDED_SLUG } from "./seed-parser.js";
import { sourcesOutputs } from "./sources.js";
import { addWebhookSettings } from "./webhook-settings.js";
import { addWebhooks } from "./webhooks.js";
import { toYaml } from "./yaml-writer.js";

export const SOURCE = "reconstructed from the vendor reference pages";

export interface BuildResult {
  doc: Record<string, unknown>;
  yaml: string;
  provenance: Provenance;
  provenanceText: string;
  report: EmitReport;
  /** Page and page-size fields given the `maximum`/`default` their page states. */
  pageLimits: PageLimitNote[];
  /** GETs split into a list and a single operation (path-split.ts). */
  splits: SplitRecord[];
  /** Reports the build writes besides openapi.yaml (the catalog disagreements): [file, text]. */
  outputs: [string, string][];
  /** Corrections made from spec/evidence and the pages' sentences (scripts/lib/evidence/correct.ts). */
  evidence: CorrectionReport;
  /** Operations added from calls.tsv and the blueprint (evidence-operations.ts). */
  evidenceOperations: EvidenceOperation[];
}

/** Converted pages and index, before blueprint enrichment and corrections. */
export function convertPages(root: string): {
  doc: Record<string, unknown>;
  report: EmitReport;
  optionalSegments: OptionalSegment[];
} {
  const reference = join(root, REFERENCE_DIR);
  const operations = readOperations(root);
  const index = parseIndex(readFileSync(join(reference, "INDEX.md"), "utf8"));
  const pages = new Map<string, PageModel>();
  for (const row of operations) {
    const file = pageFile(row);
    if (row.hasPage) pages.set(row.slug, parsePage(file, readFileSync(join(reference, file), "utf8")));
  }
  const seeded = new Map<string, string>();
  if (!pages.has(SEEDED_SLUG) && existsSync(join(root, SEED_FILE))) {
    pages.set(SEEDED_SLUG, parseSeed(readFileSync(join(root, SEED_FILE), "utf8"), pages.get(SEED_SIBLING)));
    seeded.set(SEEDED_SLUG, SEED_NOTE);
  }
  return {
    ...emitDocument({ operations, pages, index, seeded }),
    optionalSegments: findOptionalSegments(operations, index, pages),
  };
}

/** Applies an overlay (the corrections, or the entity corrections); returns how many actions it has. */
export function applyCorrections(root: string, doc: Record<string, unknown>, file = OVERLAY_FILE): number {
  const overlay = parseOverlay(readFileSync(join(root, file), "utf8"));
  applyOverlay(doc, overlay);
  return overlay.actions.length;
}

export interface BuildOptions {
  today?: () => string;
  /** The blueprint hook; replaceable only to work around a broken blueprint module (see cli-build). */
  enrich?: typeof enrichFromBlueprint;
}

export async function buildSpec(root: string, options: BuildOptions = {}): Promise<BuildResult> {
  const { today = isoToday, enrich = enrichFromBlueprint } = options;
  const { doc, report, optionalSegments } = convertPages(root);
  // Before the corrections: the blueprint replaces index-only operations, the overlay then applies to all.
  await enrich(doc, { root });
  // After the blueprint (get_service's shape comes from it), before the corrections (they may target both forms).
  const splits = splitOptionalSegments(doc, optionalSegments);
  // Before the corrections, so that a maximum known only from evidence is an overlay action.
  const pageLimits = annotatePageLimits(doc);
  // After the blueprint and the split (the catalog outranks both), before the overlay (evidence outranks the catalog).
  const catalog = catalogStep(root, doc);
  const overlayActions = applyCorrections(root, doc);
  // Operations no vendor source has, that integrations call and the blueprint documents; before
  // the evidence corrections, which then hold them against the recorded bodies too.
  // The webhook settings (issue 15) are such operations too, built by hand from the same sources.
  addWebhookSettings(doc);
  const recorded = readEvidence(root);
  const evidenceOperations = await addEvidenceOperations(root, doc, recorded);
  // After the overlay: the running API outranks the pages, the catalog and the overlay's choices.
  const evidence = applyEvidenceCorrections(doc, recorded);
  wrapEnvelopes(doc, report.envelopes);
  // Then: entity components are unions of the corrected page schemas, sites found by operationId.
  applyEntities(doc as Doc);
  // Corrections made once on an entity component, for every operation that refers to it.
  applyCorrections(root, doc, ENTITY_OVERLAY_FILE);
  // Last: event `data` points at the entity components and operations every step before made.
  addWebhooks(doc);
  const [, catalogTsv = ""] = catalog.outputs.find(([file]) => file === REPORT_TSV) ?? [];
  const sources = sourcesOutputs(doc, {
    pages: readOperations(root).filter((row) => row.hasPage).length,
    overlayActions,
    catalogDisagreementsTsv: catalogTsv,
    splits,
    evidenceOperations,
    evidence,
    evidenceFiles: recorded.length,
    calls: callsKnown(doc, readCallGroups(root)),
  });
  const yaml = toYaml(doc);
  const provenance = makeProvenance(root, yaml, { source: SOURCE, catalog: catalog.provenance }, today);
  return {
    doc,
    yaml,
    provenance,
    provenanceText: provenanceText(provenance),
    report,
    pageLimits,
    splits,
    outputs: [...catalog.outputs, ...sources],
    evidence,
    evidenceOperations,
  };
}

export function isoToday(): string {
  return new Date().toISOString().slice(0, 10);
}
