// spec/blueprint-pairings.tsv is reviewed by hand; these checks hold every row to both sources.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { actionAt, type ReadBlueprint, readBlueprint } from "../../scripts/lib/blueprint/blueprint.js";
import { type Pairing, readPairings } from "../../scripts/lib/blueprint/pairings.js";
import { pathShape, splitHref } from "../../scripts/lib/blueprint/uri-template.js";

const root = new URL("../..", import.meta.url).pathname;

function tsv(path: string): string[][] {
  return readFileSync(join(root, path), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"));
}

const manifest = tsv("spec/reference/altegio-b2b-v1/manifest-all.tsv").map(
  ([tag, slug, method, path, page]) => ({
    tag,
    slug: slug ?? "",
    method: method ?? "",
    path: path ?? "",
    hasPage: page === "yes",
  }),
);
const vendorMap = new Map(
  tsv("spec/reference/yclients-v1-blueprint/missing-operations-map.tsv").map((c) => [c[1], Number(c[5])]),
);

let blueprint: ReadBlueprint;
let pairings: Pairing[];
let paired: Pairing[];

beforeAll(async () => {
  blueprint = await readBlueprint(root);
  pairings = await readPairings(root);
  paired = pairings.filter((p) => p.decision === "paired");
  console.log(`${paired.length} paired, ${pairings.length - paired.length} rejected`);
});

/** A pairing whose Altegio path moved under /company/{location_id}; its reason must say so. */
function isMovedPath(p: Pairing): boolean {
  return p.match === "renamed segment" && p.reason.startsWith("path moved under /company/{location_id}");
}

describe("spec/blueprint-pairings.tsv", () => {
  it("decides on every operation with no page, and pairs none that has one", () => {
    const withoutPage = manifest.filter((m) => !m.hasPage);
    expect(withoutPage).toHaveLength(89);
    const decided = new Set(pairings.map((p) => p.slug));
    expect(withoutPage.filter((m) => !decided.has(m.slug)).map((m) => m.slug)).toEqual([]);
    const rows = new Map(manifest.map((m) => [m.slug, m]));
    for (const p of pairings) {
      const row = rows.get(p.slug);
      expect(row, p.slug).toBeDefined();
      expect([row?.hasPage, row?.method, row?.path], p.slug).toEqual([false, p.method, p.altegioPath]);
    }
    expect(new Set(paired.map((p) => p.slug)).size).toBe(paired.length);
  });

  it("pairs each operation with a blueprint action of the same method, path shape and parameter count", () => {
    for (const p of paired) {
      const action = actionAt(blueprint.actions, p.blueprintMethod, p.blueprintLine);
      expect(action, `${p.slug} line ${p.blueprintLine}`).toBeDefined();
      if (action === undefined) continue;
      expect(action.method, p.slug).toBe(p.method);
      expect(action.href, p.slug).toBe(p.blueprintPath);
      expect(action.pathParameters.length, p.slug).toBe(splitHref(p.altegioPath).pathVariables.length);
      if (isMovedPath(p)) {
        // A moved path keeps the blueprint's path after Altegio's /company/{location_id} prefix.
        expect(pathShape(p.altegioPath).replace(/^\/company\/\{\}/, ""), p.slug).toBe(
          pathShape(action.path).replace(/\/\{\}/, ""),
        );
      } else expect(pathShape(action.path), p.slug).toBe(pathShape(p.altegioPath));
    }
  });

  it("says how each pairing matched: map only when the vendor map lists it, alias only without respelling", () => {
    for (const p of paired) {
      const respelled =
        /^\/api\/v1\//.test(p.blueprintPath) ||
        splitHref(p.blueprintPath).path.endsWith("/") ||
        isMovedPath(p);
      if (vendorMap.get(p.slug) === p.blueprintLine) expect(p.match, p.slug).toBe("map");
      else expect(p.match, p.slug).toBe(respelled ? "renamed segment" : "alias");
    }
  });

  it("has looked beyond the vendor map: every same-shape candidate is paired or rejected with a reason", () => {
    for (const m of manifest.filter((row) => !row.hasPage)) {
      const candidates = blueprint.actions.filter(
        (a) => a.method === m.method && pathShape(a.path) === pathShape(m.path),
      );
      for (const candidate of candidates) {
        const row = pairings.find((p) => p.slug === m.slug && p.blueprintLine === candidate.line);
        expect(row, `${m.slug}: candidate at line ${candidate.line} not in the table`).toBeDefined();
      }
    }
    for (const p of pairings.filter((row) => row.decision === "rejected"))
      expect(p.reason.length, p.slug).toBeGreaterThan(20);
    const beyondMap = paired.filter((p) => p.match !== "map");
    expect(beyondMap.length).toBeGreaterThan(0);
  });

  it("covers every row of the vendor map, paired at the map's line or rejected with a reason", () => {
    for (const [slug, line] of vendorMap) {
      const row = pairings.find((p) => p.slug === slug && p.blueprintLine === line);
      expect(row, `${slug} (map line ${line})`).toBeDefined();
    }
  });
});
