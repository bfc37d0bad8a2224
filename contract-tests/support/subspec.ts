/**
 * The part of openapi.yaml one tag needs: that tag's operations (verbatim) and every component
 * they reach through `$ref`, written as JSON next to the cache.
 *
 * Why: without the optional global setup (./global-setup.ts) each of the 27 tag files starts its
 * own Prism, and Prism on the full 1.7 MB document takes 6+ s to start on the shared box
 * (27 × 6 s alone would blow the 5-minute budget). The operations, schemas and examples Prism
 * serves are byte-for-byte those of openapi.yaml; the full document is still served to Prism by
 * the global setup, the tolerance tests, the Dredd lane and test/spec/tools.test.ts.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { repoRoot } from "../../scripts/lib/prism.js";
import { type Json, type JsonObject, METHODS, pointer, type Spec } from "./spec.js";

const isObj = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

export function tagSpecFile(spec: Spec, tag: string): string {
  const raw = spec.raw;
  const paths: JsonObject = {};
  for (const [path, item] of Object.entries(isObj(raw.paths) ? raw.paths : {})) {
    if (!isObj(item)) continue;
    const kept: JsonObject = {};
    for (const [k, v] of Object.entries(item)) {
      const isOp = (METHODS as readonly string[]).includes(k);
      if (!isOp) kept[k] = v;
      else if (isObj(v) && Array.isArray(v.tags) && v.tags[0] === tag) kept[k] = v;
    }
    if (Object.keys(kept).some((k) => (METHODS as readonly string[]).includes(k))) paths[path] = kept;
  }
  const components: JsonObject = {};
  const seen = new Set<string>();
  const visit = (node: Json | undefined): void => {
    if (Array.isArray(node)) for (const n of node) visit(n);
    else if (isObj(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (k === "$ref" && typeof v === "string" && v.startsWith("#/") && !seen.has(v)) {
          seen.add(v);
          const parts = v.slice(2).split("/");
          const target = pointer(raw, v);
          // Copy #/components/<kind>/<name> into the sub-spec, then follow its own refs.
          if (parts[0] === "components" && parts.length === 3 && target !== undefined) {
            const kind = parts[1] as string;
            const bucket = (isObj(components[kind]) ? components[kind] : {}) as JsonObject;
            components[kind] = bucket;
            bucket[(parts[2] as string).replace(/~1/g, "/").replace(/~0/g, "~")] = target;
          }
          visit(target);
        } else visit(v);
      }
    }
  };
  visit(paths);
  const rawComponents = isObj(raw.components) ? raw.components : {};
  components.securitySchemes = rawComponents.securitySchemes ?? {};
  const doc: JsonObject = { ...raw, paths, components };
  const dir = resolve(repoRoot, ".cache/contract-spec");
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${spec.sha256.slice(0, 16)}-${tag}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(doc));
  renameSync(tmp, file);
  return file;
}
