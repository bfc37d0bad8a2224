import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sha256 } from "../../../src/internal/sha256.js";
import { BLUEPRINT_PATH } from "./load.js";
import { PAIRINGS_PATH } from "./pairings.js";

/** Every repository file the enrichment reads (besides its own code), for the provenance inputs. */
export const BLUEPRINT_INPUTS = [BLUEPRINT_PATH, PAIRINGS_PATH] as const;

/** For spec/provenance.json: which blueprint file the enrichment read, by content hash. */
export async function blueprintProvenance(root: string): Promise<{ path: string; sha256: string }> {
  return { path: BLUEPRINT_PATH, sha256: sha256(await readFile(join(root, BLUEPRINT_PATH))) };
}
