/**
 * openapi.yaml as the verifier reads it at run time: the copy shipped in the package (or a file
 * given by path), parsed once, its schemas converted to JSON Schema for ajv (./oas30.ts).
 * Nothing about an operation is hard-coded here: a rebuilt spec is picked up as it is.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { AltegioConfigError } from "../errors/altegio-config-error.js";
import { sha256 } from "../internal/sha256.js";
import { isObject, type Json, type JsonObject } from "./json.js";
import { DOC_ID, toJsonSchemaDoc } from "./oas30.js";

export interface SpecDocument {
  sha256: string;
  /** The document with JSON Schema schemas; `$ref`s point at `openapi#/…`. */
  doc: JsonObject;
}

const cache = new Map<string, SpecDocument>();

/**
 * The package's openapi.yaml: the first one found walking up from this module, which is
 * src/verify/ in a checkout and dist/src/verify/ in the installed package.
 */
export function bundledSpecFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const file = join(dir, "openapi.yaml");
    if (existsSync(file) && existsSync(join(dir, "package.json"))) return file;
    dir = dirname(dir);
  }
  throw new AltegioConfigError("spec", "openapi.yaml was not found beside the package (a broken install?)");
}

export function loadSpecDocument(file = bundledSpecFile()): SpecDocument {
  const hit = cache.get(file);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new AltegioConfigError("spec", `cannot read ${file}`);
  }
  const raw = parse(text) as JsonObject;
  const loaded = { sha256: sha256(text), doc: toJsonSchemaDoc(raw) };
  cache.set(file, loaded);
  return loaded;
}

/** Follow `$ref` chains (`#/…` or `openapi#/…`) inside the document. */
export function deref(doc: JsonObject, node: unknown): unknown {
  let cur = node;
  for (let hops = 0; isObject(cur) && typeof cur.$ref === "string" && hops < 50; hops++) {
    cur = pointer(doc, cur.$ref);
  }
  return cur;
}

function pointer(doc: JsonObject, ref: string): Json | undefined {
  const hash = ref.indexOf("#");
  if (hash < 0 || (hash > 0 && ref.slice(0, hash) !== DOC_ID)) return undefined;
  let cur: Json | undefined = doc;
  for (const raw of ref
    .slice(hash + 1)
    .split("/")
    .slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    cur = isObject(cur) ? cur[key] : Array.isArray(cur) ? cur[Number(key)] : undefined;
  }
  return cur;
}
