// Every operation in openapi.yaml by the sources of its schema: the vendor catalog, an Altegio page,
// the YCLIENTS blueprint (INDEX.md alone no more). A page operation must take nothing from the blueprint.
// Operations outside the vendor's index that integrations call in production list `evidence` first.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { containsCyrillic } from "../../scripts/lib/blueprint/cyrillic.js";
import { type Pairing, readPairings } from "../../scripts/lib/blueprint/pairings.js";

const root = new URL("../..", import.meta.url).pathname;
const SOURCES = ["catalog", "page", "yclients-blueprint", "index-only", "evidence"] as const;

interface Operation {
  operationId: string;
  "x-altegio-docs"?: string[];
  "x-altegio-blueprint"?: { path: string; method: string; line: number };
  /** Set on both halves of a GET whose optional trailing segment the converter split (path-split.ts). */
  "x-altegio-split"?: { form: "list" | "single"; of?: string };
}
interface Listed {
  path: string;
  method: string;
  operation: Operation;
}

let doc: {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
};
let listed: Listed[];
let paired: Pairing[];

beforeAll(async () => {
  doc = parse(readFileSync(join(root, "openapi.yaml"), "utf8"));
  listed = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => typeof op === "object" && op !== null && "operationId" in op)
      .map(([method, op]) => ({ path, method, operation: op as Operation })),
  );
  paired = (await readPairings(root)).filter((p) => p.decision === "paired");
});

function bySource(source: string): Listed[] {
  return listed.filter((o) => (o.operation["x-altegio-docs"] ?? []).includes(source));
}

/** The list half of a split GET is not a paired operation: its documented half is; nor is one
 * outside the vendor's index (no pairing to make). */
const documented = (o: Listed): boolean =>
  o.operation["x-altegio-split"]?.form !== "list" && o.operation["x-altegio-docs"]?.[0] === "catalog";

/** Names of every components/schemas entry reachable from a value, following $refs. */
function reachableSchemas(value: unknown, seen = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) reachableSchemas(item, seen);
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const name =
        key === "$ref" && typeof item === "string"
          ? /^#\/components\/schemas\/(.+)$/.exec(item)?.[1]
          : undefined;
      if (name !== undefined && !seen.has(name)) {
        seen.add(name);
        reachableSchemas(doc.components?.schemas?.[name], seen);
      } else reachableSchemas(item, seen);
    }
  }
  return seen;
}

function isBlueprintSchema(name: string): boolean {
  const schema = doc.components?.schemas?.[name] as Record<string, unknown> | undefined;
  return schema?.["x-altegio-docs"] === "yclients-blueprint";
}

describe("openapi.yaml operations by source", () => {
  it("lists every operation by source and prints the counts", () => {
    const counts = Object.fromEntries(SOURCES.map((s) => [s, bySource(s).length]));
    console.log(`operations by source: ${JSON.stringify(counts)} of ${listed.length}`);
    for (const o of bySource("index-only")) console.log(`  index-only: ${o.operation.operationId}`);
    const unknown = listed.filter((o) => {
      const docs = o.operation["x-altegio-docs"] ?? [];
      return (
        (docs[0] !== "catalog" && docs[0] !== "evidence") || docs.some((s) => !SOURCES.includes(s as never))
      );
    });
    expect(unknown.map((o) => o.operation.operationId)).toEqual([]);
    expect(counts.page).toBeGreaterThanOrEqual(171);
    // Evidence-first operations each name the evidence; every other one is the catalog's.
    const outsideIndex = bySource("evidence").filter(
      (o) => o.operation["x-altegio-docs"]?.[0] === "evidence",
    );
    for (const { operation } of outsideIndex)
      expect(operation, operation.operationId).toHaveProperty("x-altegio-evidence");
    expect((counts.catalog ?? 0) + outsideIndex.length).toBe(listed.length);
  });

  it("has no index-only operation left, the blueprint having typed every paired one", () => {
    expect(bySource("index-only")).toEqual([]);
    expect(
      bySource("yclients-blueprint")
        .filter(documented)
        .map((o) => o.operation.operationId)
        .sort(),
    ).toEqual(paired.map((p) => p.slug).sort());
  });

  it("takes nothing from the blueprint into an operation built from a page", () => {
    for (const { operation } of bySource("page")) {
      expect(operation["x-altegio-blueprint"], operation.operationId).toBeUndefined();
      const borrowed = [...reachableSchemas(operation)].filter(isBlueprintSchema);
      expect(borrowed, operation.operationId).toEqual([]);
    }
  });

  it("records the blueprint action of each blueprint operation, as the pairing table has it", () => {
    for (const { path, method, operation } of bySource("yclients-blueprint").filter(documented)) {
      const pairing = paired.find((p) => p.slug === operation.operationId);
      expect([path, method.toUpperCase()], operation.operationId).toEqual([
        pairing?.altegioPath,
        pairing?.method,
      ]);
      expect(operation["x-altegio-blueprint"]?.line, operation.operationId).toBe(pairing?.blueprintLine);
      expect(operation["x-altegio-blueprint"]?.method, operation.operationId).toBe(pairing?.blueprintMethod);
    }
  });

  it("gives the list half of a split GET the source of its documented half", () => {
    const lists = listed.filter((o) => o.operation["x-altegio-split"]?.form === "list");
    expect(lists.length).toBeGreaterThan(0);
    for (const { operation } of lists) {
      const origin = listed.find((o) => o.operation.operationId === operation["x-altegio-split"]?.of);
      expect(origin?.operation["x-altegio-docs"], operation.operationId).toEqual(operation["x-altegio-docs"]);
    }
  });

  it("carries no Cyrillic in blueprint operations or the schemas they use", () => {
    for (const { operation } of bySource("yclients-blueprint")) {
      const schemas = [...reachableSchemas(operation)].map((name) => doc.components?.schemas?.[name]);
      expect(containsCyrillic(JSON.stringify([operation, schemas])), operation.operationId).toBe(false);
    }
  });
});
