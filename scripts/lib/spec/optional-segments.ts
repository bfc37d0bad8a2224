// Finds GET operations whose last path segment the vendor documents as optional: one URL serves
// the list (`GET /company/{id}/services`) and one item (`…/services/{service_id}`), but OpenAPI has
// no optional path parameters, so the page's single template hides the list. Found from the
// pages' and the index's own words, never from a hand list:
// - an "+ Options"/"+ Parameter" block line `+ <last param> (optional, …)` (INDEX.md or the page);
// - a title offering both forms: "… / specific …" ("Get a list of services / specific service");
// - the last path parameter's description "if you need to work with a specific …";
// - a deprecated page whose title, without "Deprecated." and "(deprecated)", is the title of an
//   operation found by the rules above (the legacy /service_categories twin).
import type { IndexModel } from "./index-parser.js";
import type { OperationRow } from "./inputs.js";
import type { PageModel } from "./model.js";

export interface OptionalSegment {
  slug: string;
  path: string;
  /** The optional trailing path parameter. */
  param: string;
  /** The sentence of the vendor docs that says so, with where it was read. */
  evidence: string;
}

const LAST_PARAM = /\/\{([^}]+)\}$/;
const SPECIFIC_TITLE = /\/\s*specific\b/i;
const SPECIFIC_PARAM = /\bif you need to work with a specific\b/i;

const bareTitle = (title: string): string =>
  title
    .replace(/^Deprecated\.\s*/i, "")
    .replace(/\s*\(deprecated\)\s*$/i, "")
    .trim()
    .toLowerCase();

export function findOptionalSegments(
  operations: OperationRow[],
  index: IndexModel,
  pages: Map<string, PageModel>,
): OptionalSegment[] {
  const found: OptionalSegment[] = [];
  const candidates = operations.filter((row) => row.method === "get" && LAST_PARAM.test(row.path));
  for (const row of candidates) {
    const param = LAST_PARAM.exec(row.path)?.[1] ?? "";
    const evidence = directEvidence(row, param, index, pages.get(row.slug));
    if (evidence) found.push({ slug: row.slug, path: row.path, param, evidence });
  }
  const byTitle = new Map(found.map((f) => [bareTitle(titleOf(operations, f.slug)), f]));
  for (const row of candidates) {
    if (found.some((f) => f.slug === row.slug) || !/deprecated/i.test(row.title)) continue;
    const twin = byTitle.get(bareTitle(row.title));
    if (!twin) continue;
    const param = LAST_PARAM.exec(row.path)?.[1] ?? "";
    found.push({
      slug: row.slug,
      path: row.path,
      param,
      evidence: `${row.slug}: deprecated twin of ${twin.slug} ("${row.title}"), whose docs say: ${twin.evidence}`,
    });
  }
  return found.sort((a, b) => a.slug.localeCompare(b.slug));
}

function titleOf(operations: OperationRow[], slug: string): string {
  return operations.find((r) => r.slug === slug)?.title ?? "";
}

function directEvidence(
  row: OperationRow,
  param: string,
  index: IndexModel,
  page: PageModel | undefined,
): string | undefined {
  const optionLine = new RegExp(`^\\s*\\+\\s*${escapeRegExp(param)}\\b[^(\\n]*\\(optional\\b[^\\n]*$`, "m");
  for (const [where, text] of [
    ["INDEX.md", index.operations.get(row.slug)?.description ?? ""],
    [page?.file ?? "", page?.description ?? ""],
  ] as const) {
    const line = optionLine.exec(text)?.[0];
    if (line && where) return `${where}: "${line.trim()}"`;
  }
  if (SPECIFIC_TITLE.test(row.title)) return `operations.tsv title: "${row.title}"`;
  const described = page?.parameters.path.find((p) => p.name === param)?.description ?? "";
  if (SPECIFIC_PARAM.test(described)) return `${page?.file}: \`${param}\`: "${described.trim()}"`;
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
