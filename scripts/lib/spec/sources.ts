/**
 * What openapi.yaml took from each source, written by the build beside the catalog report:
 * - spec/reference/sources.tsv: one row per operation (its sources, and the page file, blueprint
 *   line, split or evidence that made it) and one per corrected node (kind, the evidence file or
 *   page sentence), read from the document the build made, so it cannot drift from it;
 * - spec/reference/SOURCES.md: the counts per source.
 * Outputs, never inputs: spec/provenance.json hashes spec/reference without them.
 */
import type { CorrectionReport } from "../evidence/correct.js";
import type { EvidenceOperation } from "./evidence-operations.js";
import type { SplitRecord } from "./path-split.js";

type Json = Record<string, unknown>;

export const SOURCES_TSV = "spec/reference/sources.tsv";
export const SOURCES_MD = "spec/reference/SOURCES.md";
export const SOURCES_OUTPUTS = [SOURCES_TSV, SOURCES_MD];

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export interface SourcesInput {
  /** Page files converted (pages/<tag>/<slug>.md). */
  pages: number;
  /** Overlay actions applied (spec/corrections.overlay.yaml). */
  overlayActions: number;
  /** The catalog's disagreement table (catalog-disagreements.tsv text). */
  catalogDisagreementsTsv: string;
  splits: SplitRecord[];
  evidenceOperations: EvidenceOperation[];
  evidence: CorrectionReport;
  /** Recorded responses in spec/evidence/responses. */
  evidenceFiles: number;
  calls: { known: number; total: number };
}

interface Row {
  kind: "operation" | "correction" | "choice";
  where: string;
  sources: string;
  detail: string;
}

const clean = (v: unknown): string =>
  String(v ?? "")
    .replace(/\s+/g, " ")
    .trim();
const pointer = (keys: string[]): string =>
  `#/${keys.map((k) => k.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;

function operationRows(doc: Json, splits: SplitRecord[]): Row[] {
  const split = new Map(splits.filter((s) => s.added).map((s) => [s.listOperationId, s]));
  const rows: Row[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const docs = op["x-altegio-docs"];
      const sources = Array.isArray(docs) ? docs.join(", ") : clean(docs);
      const detail: string[] = [];
      const id = String(op.operationId);
      const tag = Array.isArray(op.tags) ? String(op.tags[0]) : "";
      const s = split.get(id);
      if (s) detail.push(`list form of ${s.slug} (${s.path} without {${s.param}}): ${clean(s.evidence)}`);
      else if (sources.includes("page")) detail.push(`pages/${tag}/${id}.md`);
      const bp = op["x-altegio-blueprint"] as Json | undefined;
      if (bp) detail.push(`blueprint ${clean(bp.method)} ${clean(bp.path)} line ${clean(bp.line)}`);
      if (op["x-altegio-evidence"]) detail.push(clean(op["x-altegio-evidence"]));
      rows.push({
        kind: "operation",
        where: `${method.toUpperCase()} ${path} ${id}`,
        sources,
        detail: detail.join("; "),
      });
    }
  }
  return rows;
}

/** Every node marked by the evidence corrections (x-altegio-correction) or an overlay choice. */
function markedRows(doc: Json): Row[] {
  const rows: Row[] = [];
  const walk = (node: unknown, keys: string[]): void => {
    if (Array.isArray(node)) {
      for (const [k, v] of node.entries()) walk(v, [...keys, String(k)]);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const o = node as Json;
    if (typeof o["x-altegio-correction"] === "string") {
      const evidence = clean(o["x-altegio-evidence"]);
      rows.push({
        kind: "correction",
        where: pointer(keys),
        sources: evidence.startsWith("page") ? "page" : "evidence",
        detail: `${o["x-altegio-correction"]}: ${evidence}`,
      });
    }
    if (o["x-altegio-choice"] !== undefined)
      rows.push({
        kind: "choice",
        where: pointer(keys),
        sources: "overlay",
        detail: clean(o["x-altegio-choice"]),
      });
    for (const [k, v] of Object.entries(o)) if (!k.startsWith("x-altegio-")) walk(v, [...keys, k]);
  };
  walk(doc.paths, ["paths"]);
  walk((doc.components as Json | undefined)?.schemas, ["components", "schemas"]);
  return rows;
}

function count<T>(items: T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function sourcesOutputs(doc: Json, input: SourcesInput): [string, string][] {
  const operations = operationRows(doc, input.splits);
  const marked = markedRows(doc);
  const corrections = marked.filter((r) => r.kind === "correction");
  const choices = marked.filter((r) => r.kind === "choice");
  const tsv = [
    "kind\twhere\tsources\tdetail",
    ...[...operations, ...marked].map((r) => [r.kind, r.where, r.sources, r.detail].join("\t")),
  ].join("\n");

  const byKind = count(
    corrections.flatMap((r) =>
      (r.detail.split(":")[0] ?? "").split(",").map((kind) => ({ kind, from: r.sources })),
    ),
    (c) => `${c.kind}\t${c.from}`,
  );
  const disagreements = input.catalogDisagreementsTsv.trim().split("\n").slice(1);
  const resolution = count(disagreements, (l) => l.split("\t")[6] ?? "");
  const bySources = count(operations, (r) => r.sources);
  const md = [
    "# Where openapi.yaml comes from",
    "",
    `Written by \`npm run spec:build\` (scripts/lib/spec/sources.ts) from the document it built; every operation and`,
    `every corrected node is a row of [sources.tsv](sources.tsv) (kind, where, sources, detail). Order of authority:`,
    "evidence (the running API) > vendor catalog > Altegio page > YCLIENTS blueprint; the overlay records choices.",
    "",
    "## Operations by source (`x-altegio-docs`)",
    "",
    "| sources | operations |",
    "|---|---|",
    ...bySources.map(([s, n]) => `| ${s || "(none)"} | ${n} |`),
    `| **all** | **${operations.length}** |`,
    "",
    "## Per source",
    "",
    "| source | what was taken | count |",
    "|---|---|---|",
    `| Altegio pages (spec/reference/altegio-b2b-v1/pages) | page files converted | ${input.pages} |`,
    `| | operations built from a page (split list halves included) | ${operations.filter((r) => r.sources.split(", ").includes("page")).length} |`,
    `| | list operations split from a page's optional segment (path-split.ts) | ${input.splits.filter((s) => s.added).length} |`,
    `| vendor catalog (spec/reference/vendor-catalog) | operations whose x-altegio-docs names it (split list halves included) | ${operations.filter((r) => r.sources.split(", ").includes("catalog")).length} |`,
    `| | operations only it documents | ${operations.filter((r) => r.sources === "catalog").length} |`,
    `| | disagreements recorded (catalog-disagreements.tsv), by resolution | ${resolution.map(([k, n]) => `${k} ${n}`).join(", ")} |`,
    `| YCLIENTS blueprint (spec/reference/yclients-v1-blueprint) | operations typed from it | ${operations.filter((r) => r.sources.split(", ").includes("yclients-blueprint")).length} |`,
    `| evidence (spec/evidence) | recorded responses | ${input.evidenceFiles} |`,
    `| | operations added: called by integrations, typed from the blueprint | ${operations.filter((r) => r.sources.startsWith("evidence")).length} (webhook settings 2, computed from calls.tsv ${input.evidenceOperations.length}) |`,
    `| | calls.tsv method + path the spec knows / all (guesses left out) | ${input.calls.known} / ${input.calls.total} |`,
    `| | corrected nodes (x-altegio-correction), below | ${corrections.filter((r) => r.sources === "evidence").length} from recordings, ${corrections.filter((r) => r.sources === "page").length} from page sentences |`,
    `| overlay (spec/corrections.overlay.yaml) | actions | ${input.overlayActions} |`,
    `| | nodes with a recorded choice (x-altegio-choice) | ${choices.length} |`,
    "",
    "## Corrections by kind",
    "",
    "| kind | from | nodes |",
    "|---|---|---|",
    ...byKind.map(([k, n]) => `| ${k.replace("\t", " | ")} | ${n} |`),
    "",
    `The correction step's own count of changes (a node changed once per kind; shapes listed): empty-array ${input.evidence.emptyArray + input.evidence.emptyArrayFromPages}, nullable ${input.evidence.nullable + input.evidence.nullableFromPages}, scalar-type ${input.evidence.scalarType}, undeclared-field ${input.evidence.undeclaredField}, shapes ${input.evidence.shapes.length}.`,
    "",
    "## Operations added from calls.tsv and the blueprint",
    "",
    "| operation | call | integrations | blueprint line | typed from a recording |",
    "|---|---|---|---|---|",
    ...input.evidenceOperations.map(
      (o) =>
        `| ${o.operationId} | ${o.method} ${o.path} | ${o.call.repos.length} | ${o.blueprint.line} | ${o.typedFromEvidence.join(", ") || "-"} |`,
    ),
    "",
  ].join("\n");
  return [
    [SOURCES_TSV, `${tsv}\n`],
    [SOURCES_MD, md],
  ];
}
