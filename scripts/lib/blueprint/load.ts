import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "@apielements/apib-parser";
import { sha256 } from "../../../src/internal/sha256.js";
import { isElement, type RefractElement } from "./refract.js";

export const BLUEPRINT_PATH = "spec/reference/yclients-v1-blueprint/yclientsru.apib";

export interface LoadedBlueprint {
  /** Raw bytes: drafter's source maps are byte offsets, so line numbers are counted on bytes. */
  source: Buffer;
  sha256: string;
  parseResult: RefractElement;
}

/**
 * Parses the blueprint with drafter.js (about 4-6 s). The refract result is cached under
 * node_modules/.cache (never in the repo) keyed by the blueprint's sha256, so an edited
 * blueprint can never be read through a stale parse.
 */
export async function loadBlueprint(root: string): Promise<LoadedBlueprint> {
  const source = await readFile(join(root, BLUEPRINT_PATH));
  const digest = sha256(source);
  const cacheFile = join(root, "node_modules", ".cache", "altegio-blueprint", `${digest}.json`);
  const cached = await readFile(cacheFile, "utf8").then(
    (text) => JSON.parse(text) as unknown,
    () => undefined,
  );
  if (isElement(cached)) return { source, sha256: digest, parseResult: cached };

  const parsed = await parse({ source: source.toString("utf8"), generateSourceMap: true });
  if (!isElement(parsed) || parsed.element !== "parseResult")
    throw new Error("apib-parser returned no parseResult");
  await mkdir(join(cacheFile, ".."), { recursive: true });
  await writeFile(cacheFile, JSON.stringify(parsed));
  return { source, sha256: digest, parseResult: parsed };
}

/** 1-based line of a byte offset. */
export function lineAtByte(source: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source[i] === 0x0a) line++;
  return line;
}
