// `scripts/pull-spec`: downloads the vendor's OpenAPI bundle, brings it to the repository's
// conventions, applies the same corrections overlay (actions that do not apply to the bundle are
// listed, not fatal), writes openapi.yaml + spec/provenance.json and prints the operations added,
// removed and changed. Offline it fails at once (short timeout) and changes nothing.
// ALTEGIO_BUNDLE_URL overrides the URL; SPEC_PULL_TIMEOUT_MS the timeout (default 10 s).
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { isoToday } from "./build.js";
import { BUNDLE_URL, OVERLAY_FILE, PROVENANCE_FILE, SPEC_FILE } from "./inputs.js";
import { diffOperations, normalizeBundle } from "./normalize.js";
import { applyOverlay, parseOverlay } from "./overlay.js";
import { makeProvenance, provenanceText } from "./provenance.js";
import { toYaml } from "./yaml-writer.js";

const root = resolve(import.meta.dirname, "../../..");
const url = process.env.ALTEGIO_BUNDLE_URL ?? BUNDLE_URL;
const timeoutMs = Number(process.env.SPEC_PULL_TIMEOUT_MS ?? 10_000);

async function download(): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    return await response.text();
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    const reason = [(error as Error).message, cause].filter(Boolean).join(": ");
    console.error(`spec:pull: cannot download ${url} (${reason}). Nothing was changed.`);
    process.exit(1);
  }
}

const text = await download();
const doc = parse(text) as Record<string, unknown>;
if (!doc || typeof doc !== "object" || !String(doc.openapi ?? "").startsWith("3.")) {
  console.error(`spec:pull: ${url} is not an OpenAPI 3 document. Nothing was changed.`);
  process.exit(1);
}
normalizeBundle(doc);
const overlay = parseOverlay(readFileSync(join(root, OVERLAY_FILE), "utf8"));
const skipped: string[] = [];
for (const action of overlay.actions) {
  try {
    applyOverlay(doc, { ...overlay, actions: [action] });
  } catch {
    skipped.push(action.target); // written for the reconstructed document's component names
  }
}
const before = parse(readFileSync(join(root, SPEC_FILE), "utf8")) as Record<string, unknown>;
const yaml = toYaml(doc);
writeFileSync(join(root, SPEC_FILE), yaml);
const provenance = makeProvenance(root, yaml, { source: "vendor bundle", bundleUrl: url }, isoToday);
writeFileSync(join(root, PROVENANCE_FILE), provenanceText(provenance));

const { added, removed, changed } = diffOperations(before, doc);
console.log(`spec:pull: ${url} → ${SPEC_FILE}`);
console.log(`  added (${added.length}): ${added.join(", ")}`);
console.log(`  removed (${removed.length}): ${removed.join(", ")}`);
console.log(`  changed (${changed.length}): ${changed.join(", ")}`);
if (skipped.length > 0)
  console.log(`  overlay actions that did not apply (${skipped.length}):\n    ${skipped.join("\n    ")}`);
