import { existsSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pruneCache } from "../../scripts/lib/prune-cache.js";

describe("pruneCache (spec snapshots under .cache/)", () => {
  it("removes old entries it is not told to keep, and leaves kept and recent ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "altegio-prune-"));
    const old = (name: string) => {
      writeFileSync(join(dir, name), "x");
      const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
      utimesSync(join(dir, name), twoHoursAgo, twoHoursAgo);
    };
    old("aaaa-openapi.yaml"); // the current version, old mtime: kept
    old("bbbb-openapi.yaml"); // an older version: removed
    writeFileSync(join(dir, "cccc-openapi.yaml"), "x"); // another run's, just written: kept

    pruneCache(dir, (name) => name.startsWith("aaaa"));

    expect(existsSync(join(dir, "aaaa-openapi.yaml"))).toBe(true);
    expect(existsSync(join(dir, "bbbb-openapi.yaml"))).toBe(false);
    expect(existsSync(join(dir, "cccc-openapi.yaml"))).toBe(true);
  });

  it("does nothing when the folder does not exist yet", () => {
    expect(() => pruneCache(join(tmpdir(), "altegio-prune-missing-dir"), () => false)).not.toThrow();
  });
});
