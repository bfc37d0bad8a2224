import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const PAIRINGS_PATH = "spec/blueprint-pairings.tsv";

/** How an Altegio operation was found in the blueprint. */
export type MatchKind = "map" | "alias" | "renamed segment";

export interface Pairing {
  slug: string;
  method: string;
  altegioPath: string;
  decision: "paired" | "rejected";
  match: MatchKind | "-";
  blueprintMethod: string;
  blueprintPath: string;
  /** 0 when a rejected candidate names no blueprint action. */
  blueprintLine: number;
  reason: string;
}

const COLUMNS = [
  "slug",
  "method",
  "altegio_path",
  "decision",
  "match",
  "blueprint_method",
  "blueprint_path",
  "blueprint_line",
  "reason",
] as const;

/** Reads the reviewed pairing table; `#` lines are comments, the first other line the header. */
export async function readPairings(root: string): Promise<Pairing[]> {
  return parsePairings(await readFile(join(root, PAIRINGS_PATH), "utf8"));
}

export function parsePairings(text: string): Pairing[] {
  const rows = text.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("#"));
  const [header, ...body] = rows;
  if (header !== COLUMNS.join("\t"))
    throw new Error(`${PAIRINGS_PATH}: header must be ${COLUMNS.join(", ")}`);
  return body.map((line, index) => {
    const cells = line.split("\t");
    if (cells.length !== COLUMNS.length)
      throw new Error(`${PAIRINGS_PATH}: row ${index + 2} has ${cells.length} cells`);
    const [slug, method, altegioPath, decision, match, blueprintMethod, blueprintPath, line_, reason] =
      cells as [string, string, string, string, string, string, string, string, string];
    if (decision !== "paired" && decision !== "rejected") throw new Error(`${slug}: decision ${decision}`);
    if (match !== "map" && match !== "alias" && match !== "renamed segment" && match !== "-") {
      throw new Error(`${slug}: match ${match}`);
    }
    return {
      slug,
      method,
      altegioPath,
      decision,
      match,
      blueprintMethod,
      blueprintPath,
      blueprintLine: Number(line_),
      reason,
    };
  });
}
