/**
 * Writes generated/ from openapi.yaml (issue 4):
 * - schema.ts: openapi-typescript's `paths`, `components`, `operations` (its own header kept);
 * - operations.ts (bundled by the client): `mediaType` from the root `x-altegio-media-type`, and
 *   the operations whose security is not BearerPartnerUser (`partnerOnly`, `noAuth`), keyed
 *   `"<METHOD> <path>"` exactly as openapi-fetch's middleware sees `request.method` and
 *   `schemaPath`; and `acceptOverrides`, the operations whose success responses are not
 *   declared under the vendor media type (a PDF receipt), with the Accept they need;
 * - operation-index.ts (tests and tools): every operation with its operationId and security;
 * - paging.ts (bundled by paginate): each paged operation's page and size fields, where they go,
 *   the largest size and how an answer says the list is done (scripts/lib/paging-metadata.ts);
 * - webhooks.ts (bundled by altegio-b2b/webhooks): the webhook resource kinds and statuses;
 * - entities.ts: a type alias per entity component (`Appointment`, `Location`…), re-exported by src/index.ts.
 *
 * `--check` regenerates into memory and fails, naming the stale files, when they differ.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { sha256 } from "../../src/internal/sha256.js";
import { renderWebhooks } from "./generate/webhooks.js";
import { renderPaging } from "./paging-metadata.js";

// `--spec <file>` reads another copy (e.g. `git show HEAD:openapi.yaml`); output is the same.
const specArg = process.argv.indexOf("--spec");
const SPEC = specArg > 0 ? (process.argv[specArg + 1] ?? "openapi.yaml") : "openapi.yaml";
const OUT = "generated";
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

type Requirement = Record<string, unknown>;
type Security = "partner" | "partner-user" | "none";

/** Security kind of one operation from its `security` (or the root one): see CONTRIBUTING.md. */
export function securityOf(requirements: readonly Requirement[] | undefined): Security {
  if (!requirements || requirements.length === 0) return "none";
  // Several alternatives: the operation works with any; `{}` means anonymous is allowed.
  const kinds = requirements.map((req): Security => {
    const names = Object.keys(req);
    if (names.length === 0) return "none";
    if (names.includes("BearerPartnerUser") || names.includes("user")) return "partner-user";
    return "partner";
  });
  // The least demanding alternative wins: a partner token is always sent when we have one.
  if (kinds.includes("none")) return "none";
  if (kinds.includes("partner")) return "partner";
  return "partner-user";
}

interface Row {
  key: string;
  operationId: string;
  security: Security;
  /** Media types the operation's 2xx responses are declared under. */
  successMediaTypes: string[];
}

type Responses = Record<string, { content?: Record<string, unknown> } | undefined>;

function successMediaTypes(responses: Responses | undefined): string[] {
  const types = new Set<string>();
  for (const [status, response] of Object.entries(responses ?? {})) {
    if (!status.startsWith("2")) continue;
    for (const mediaType of Object.keys(response?.content ?? {})) types.add(mediaType);
  }
  return [...types];
}

/**
 * The Accept an operation needs when its success is not declared under the vendor media type
 * (GET /attendance/receipt_print/{visit_id} answers application/pdf): its own success media
 * types first, then the vendor type, which its error responses are declared under. Sending
 * only the vendor type there is refused with 406 (Prism) and asks the server for JSON it does
 * not have. `undefined` when the vendor media type covers the operation.
 */
export function acceptOverride(row: Row, vendorMediaType: string): string | undefined {
  if (row.successMediaTypes.length === 0 || row.successMediaTypes.includes(vendorMediaType)) return undefined;
  return [...row.successMediaTypes, vendorMediaType].join(", ");
}

/** Every operation of a parsed spec: `"<METHOD> <path>"`, operationId, security. */
export function operationRows(spec: Record<string, unknown>): Row[] {
  const rootSecurity = spec.security as Requirement[] | undefined;
  const paths = (spec.paths ?? {}) as Record<string, Record<string, unknown>>;
  const rows: Row[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method] as
        | { operationId?: string; security?: Requirement[]; responses?: Responses }
        | undefined;
      if (!op) continue;
      rows.push({
        key: `${method.toUpperCase()} ${path}`,
        operationId: op.operationId ?? "",
        security: securityOf(op.security ?? rootSecurity),
        successMediaTypes: successMediaTypes(op.responses),
      });
    }
  }
  return rows;
}

function header(specSha256: string): string[] {
  return [
    "/**",
    " * This file was auto-generated by scripts/generate from openapi.yaml.",
    " * Do not make direct changes to the file.",
    ` * openapi.yaml sha256: ${specSha256}`,
    " */",
    "",
  ];
}

/**
 * The text of generated/operations.ts: what the client bundles. Only the exceptions are
 * listed (partner-only and unauthenticated operations); every other one is BearerPartnerUser.
 */
export function renderOperations(spec: Record<string, unknown>, specSha256: string): string {
  const mediaType = spec["x-altegio-media-type"];
  if (typeof mediaType !== "string" || !mediaType.includes("/")) {
    throw new Error(`${SPEC}: root x-altegio-media-type is missing or not a media type`);
  }
  const rows = operationRows(spec);
  const list = (security: Security) =>
    rows.filter((r) => r.security === security).map((r) => `  ${JSON.stringify(r.key)},`);
  return [
    ...header(specSha256),
    "/** Who an operation needs: `partner` (Bearer <partner>), `partner-user` (Bearer <partner>, User <user>), or `none`. */",
    'export type OperationSecurity = "partner" | "partner-user" | "none";',
    "",
    "/** The vendor media type the client sends in Accept (root `x-altegio-media-type`). */",
    `export const mediaType = ${JSON.stringify(mediaType)};`,
    "",
    `/** Operations (\`"<METHOD> <path>"\`) whose security is BearerPartner only. The other ${rows.length - list("partner").length - list("none").length} need BearerPartnerUser. */`,
    "export const partnerOnly: readonly string[] = [",
    ...list("partner"),
    "];",
    "",
    "/** Operations with no security requirement. */",
    "export const noAuth: readonly string[] = [",
    ...list("none"),
    "];",
    "",
    "/** Operations whose success is not declared under `mediaType` (a PDF), with the Accept they need. */",
    "export const acceptOverrides: Readonly<Record<string, string>> = {",
    ...rows.flatMap((r) => {
      const accept = acceptOverride(r, mediaType);
      return accept === undefined ? [] : [`  ${JSON.stringify(r.key)}: ${JSON.stringify(accept)},`];
    }),
    "};",
    "",
  ].join("\n");
}

/** The text of generated/operation-index.ts: every operation, for tests and tools (not bundled). */
export function renderOperationIndex(spec: Record<string, unknown>, specSha256: string): string {
  const rows = operationRows(spec).map(
    (r) =>
      `  ${JSON.stringify(r.key)}: { operationId: ${JSON.stringify(r.operationId)}, security: "${r.security}" },`,
  );
  return [
    ...header(specSha256),
    'import type { OperationSecurity } from "./operations.js";',
    "",
    '/** Every operation of openapi.yaml, keyed `"<METHOD> <path template>"`. */',
    "export const operationIndex: Readonly<Record<string, { operationId: string; security: OperationSecurity }>> = {",
    ...rows,
    "};",
    "",
  ].join("\n");
}

/** The text of generated/paging.ts: the paged operations, for paginate (bundled). */
export function renderPagingFile(spec: Record<string, unknown>, specSha256: string): string {
  return [...header(specSha256), ...renderPaging(spec)].join("\n");
}

/**
 * The text of generated/entities.ts: a type alias per entity component (`x-altegio-entity`), so
 * users can name what they hold (`Appointment`) instead of a path into `components`.
 */
export function renderEntities(spec: Record<string, unknown>, specSha256: string): string {
  const schemas = ((spec.components as { schemas?: Record<string, Record<string, unknown>> } | undefined)
    ?.schemas ?? {}) as Record<string, Record<string, unknown>>;
  const names = Object.keys(schemas)
    .filter((name) => schemas[name]?.["x-altegio-entity"] !== undefined)
    .sort();
  return [
    ...header(specSha256),
    'import type { components } from "./schema.js";',
    "",
    ...names.flatMap((name) => [
      `/** ${String(schemas[name]?.description ?? name).replace(/\*\//g, "*\\/")} */`,
      `export type ${name} = components["schemas"][${JSON.stringify(name)}];`,
    ]),
    "",
  ].join("\n");
}

function renderSchema(): string {
  const dir = mkdtempSync(join(tmpdir(), "altegio-generate-"));
  try {
    const out = join(dir, "schema.ts");
    // A `default` says what the server assumes when a field is omitted (a page size stated in
    // prose); openapi-typescript would otherwise make such a request-body property required.
    execFileSync(
      "node_modules/.bin/openapi-typescript",
      [SPEC, "--output", out, "--default-non-nullable", "false"],
      {
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    return readFileSync(out, "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const check = process.argv.includes("--check");
  if (!existsSync(SPEC)) {
    console.error(`generate: ${SPEC} not found (it is written by npm run spec:build)`);
    process.exit(1);
  }
  const text = readFileSync(SPEC, "utf8");
  const sha = sha256(text);
  const spec = parse(text) as Record<string, unknown>;
  const files: Record<string, string> = {
    [join(OUT, "schema.ts")]: renderSchema(),
    [join(OUT, "operations.ts")]: renderOperations(spec, sha),
    [join(OUT, "operation-index.ts")]: renderOperationIndex(spec, sha),
    [join(OUT, "paging.ts")]: renderPagingFile(spec, sha),
    [join(OUT, "webhooks.ts")]: renderWebhooks(spec, header(sha)),
    [join(OUT, "entities.ts")]: renderEntities(spec, sha),
  };
  if (check) {
    const stale = Object.entries(files)
      .filter(([file, content]) => !existsSync(file) || readFileSync(file, "utf8") !== content)
      .map(([file]) => file);
    if (stale.length > 0) {
      console.error(
        `generate --check: ${stale.join(", ")} out of date with ${SPEC}; run npm run generate and commit`,
      );
      process.exit(1);
    }
    console.log(`generate --check: generated/ matches ${SPEC} (sha256 ${sha.slice(0, 12)})`);
    return;
  }
  for (const [file, content] of Object.entries(files)) writeFileSync(file, content);
  console.log(`generate: wrote ${Object.keys(files).join(", ")} from ${SPEC} (sha256 ${sha.slice(0, 12)})`);
}

// Run only as a script, so tests can import securityOf/renderOperations.
if (process.argv[1] === fileURLToPath(import.meta.url)) main();
