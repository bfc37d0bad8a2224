// `scripts/import-evidence [DIR]`: copies the real-world reference (default
// ../shared/reference/real-world) into spec/evidence/: responses/*.json byte for byte, with
// provenance.tsv (file, sha256, source, request), and calls.tsv (the calls integrations make).
// A clone must be self-contained: the tests and the converter read only the copies.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { sha256 } from "../../../src/internal/sha256.js";
import { repoRoot } from "../prism.js";
import { CALLS_TSV, PROVENANCE_TSV, parseEvidence, RESPONSES_DIR } from "./files.js";

const base = resolve(process.argv[2] ?? resolve(repoRoot, "../shared/reference/real-world"));
const from = join(base, "responses");
if (!existsSync(from) || !existsSync(join(base, "calls.tsv"))) {
  console.error(
    `import-evidence: no responses/ and calls.tsv in ${base}; pass the real-world folder as the first argument`,
  );
  process.exit(1);
}
const names = readdirSync(from)
  .filter((n) => n.endsWith(".json"))
  .sort();
if (names.length === 0) {
  console.error(`import-evidence: no *.json in ${from}`);
  process.exit(1);
}
mkdirSync(join(repoRoot, RESPONSES_DIR), { recursive: true });
const rows = ["file\tsha256\tsource\tapi\tmethod\tpath\tstatus\tcopied_from"];
for (const name of names) {
  const text = readFileSync(join(from, name), "utf8");
  const e = parseEvidence(name, text); // refuses a malformed file before anything is copied
  copyFileSync(join(from, name), join(repoRoot, RESPONSES_DIR, name));
  const sha = sha256(text);
  const clean = (s: string) => s.replace(/[\t\n]/g, " ");
  rows.push(
    [
      name,
      sha,
      clean(e.source),
      e.api,
      e.method,
      clean(e.path),
      String(e.status ?? ""),
      `real-world/responses/${name}`,
    ].join("\t"),
  );
}
writeFileSync(join(repoRoot, PROVENANCE_TSV), `${rows.join("\n")}\n`);
copyFileSync(join(base, "calls.tsv"), join(repoRoot, CALLS_TSV));
console.log(`import-evidence: ${names.length} responses from ${from} → ${RESPONSES_DIR}`);
