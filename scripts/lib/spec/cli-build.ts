// `scripts/build-spec [--check]`: writes openapi.yaml and spec/provenance.json, or with --check
// rebuilds in memory and exits 1 when either file would change (CI).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildSpec } from "./build.js";
import { PROVENANCE_FILE, SPEC_FILE } from "./inputs.js";

const root = resolve(import.meta.dirname, "../../..");
const check = process.argv.includes("--check");
const started = performance.now();
// SPEC_SKIP_BLUEPRINT=1 builds without the blueprint hook (only while scripts/lib/blueprint is mid-change).
const skipBlueprint = process.env.SPEC_SKIP_BLUEPRINT === "1";
if (skipBlueprint) console.warn("spec:build: SPEC_SKIP_BLUEPRINT=1, blueprint enrichment skipped");
const result = await buildSpec(root, skipBlueprint ? { enrich: async () => {} } : {});
const outputs: [string, string][] = [
  [SPEC_FILE, result.yaml],
  [PROVENANCE_FILE, result.provenanceText],
  ...result.outputs,
];
if (check) {
  const stale = outputs.filter(
    ([file, text]) => !existsSync(join(root, file)) || readFileSync(join(root, file), "utf8") !== text,
  );
  if (stale.length > 0) {
    console.error(
      `spec:check: ${stale.map(([f]) => f).join(" and ")} would change; run \`npm run spec:build\` and commit.`,
    );
    process.exit(1);
  }
  console.log(
    `spec:check: openapi.yaml and spec/provenance.json are up to date (${Math.round(performance.now() - started)} ms)`,
  );
} else {
  for (const [file, text] of outputs) writeFileSync(join(root, file), text);
  const paths = Object.keys((result.doc.paths as Record<string, unknown>) ?? {}).length;
  console.log(
    `spec:build: wrote ${SPEC_FILE} (${result.yaml.length} bytes, ${paths} paths) and ${PROVENANCE_FILE} in ${Math.round(performance.now() - started)} ms`,
  );
  console.log(`  page-size limits from the pages' prose: ${result.pageLimits.length} fields`);
  console.log(
    `  operations from calls.tsv and the blueprint: ${result.evidenceOperations.map((o) => o.operationId).join(", ") || "none"}`,
  );
  if (result.report.duplicates.length > 0)
    console.log(`  duplicate field names kept once: ${result.report.duplicates.length}`);
}
