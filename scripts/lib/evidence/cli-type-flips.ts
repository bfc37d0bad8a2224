// `scripts/measure-type-flips [openapi.yaml]`: the type-flip figure (type-flips.ts) of a spec
// against spec/evidence/, and the accepted flips that show where the spec is loosest.
import { resolve } from "node:path";
import { loadSpec } from "../../../contract-tests/support/spec.js";
import { repoRoot } from "../prism.js";
import { readEvidence } from "./files.js";
import { measureTypeFlips } from "./type-flips.js";

const specFile = resolve(process.argv[2] ?? resolve(repoRoot, "openapi.yaml"));
const report = measureTypeFlips(loadSpec(specFile), readEvidence(repoRoot), 40);
const share = report.flips === 0 ? 0 : (100 * report.refused) / report.flips;
console.log(
  `type flips refused: ${report.refused} / ${report.flips} (${share.toFixed(1)}%) over ${report.bodies} valid bodies of ${specFile}`,
);
for (const row of report.perFile) console.log(`  ${row.file}: ${row.refused} / ${row.flips}`);
if (report.accepted.length > 0)
  console.log(`accepted (first ${report.accepted.length}):\n  ${report.accepted.join("\n  ")}`);
