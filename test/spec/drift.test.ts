// Reproducibility: rebuilding from the inputs gives byte-identical openapi.yaml and provenance.json,
// and `scripts/build-spec --check` says so (exit 0) or fails (exit 1) when a file is stale.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSpec } from "../../scripts/lib/spec/build.js";
import { sha256 } from "../../src/internal/sha256.js";
import { ROOT } from "./support/openapi.js";

const onDisk = readFileSync(join(ROOT, "openapi.yaml"), "utf8");
const provenanceOnDisk = JSON.parse(readFileSync(join(ROOT, "spec/provenance.json"), "utf8")) as Record<
  string,
  unknown
>;

describe("spec build drift", () => {
  it("rebuilds openapi.yaml byte for byte, twice", async () => {
    const first = await buildSpec(ROOT, { today: () => "2099-01-01" });
    const second = await buildSpec(ROOT, { today: () => "2099-01-02" });
    expect(second.yaml).toBe(first.yaml);
    expect(first.yaml === onDisk, "openapi.yaml is stale: run npm run spec:build").toBe(true);
    // Unchanged inputs keep the recorded date, whatever today is.
    expect(first.provenance.date).toBe(provenanceOnDisk.date);
    expect(second.provenanceText).toBe(first.provenanceText);
  });

  it("records the source, the bundle URL and the sha256 of openapi.yaml and of every input", () => {
    expect(provenanceOnDisk.source).toBe("reconstructed from the vendor reference pages");
    expect(provenanceOnDisk.bundleUrl).toBe("https://developer.alteg.io/_bundle/en/b2b-v1/openapi.yaml");
    expect(provenanceOnDisk.openapiSha256).toBe(sha256(onDisk));
    expect(provenanceOnDisk.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const inputs = provenanceOnDisk.inputs as Record<string, string>;
    for (const file of [
      "spec/corrections.overlay.yaml",
      "spec/seeds/000_a83c03cb8f062dda.txt",
      "spec/reference/altegio-b2b-v1/INDEX.md",
      "scripts/lib/blueprint/enrich.ts",
    ]) {
      expect(inputs[file], file).toBe(sha256(readFileSync(join(ROOT, file))));
    }
    expect(Object.keys(inputs).filter((f) => f.includes("/pages/"))).toHaveLength(171);
  });

  describe("scripts/build-spec --check", () => {
    // A copy of the repository's spec inputs with node_modules linked, so the real files stay untouched.
    const copy = mkdtempSync(join(tmpdir(), "spec-check-"));
    for (const dir of ["spec", "scripts", "src/internal", "openapi.yaml", "package.json", "tsconfig.json"]) {
      cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
    }
    symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it("exits 0 when openapi.yaml and provenance.json are up to date", () => {
      const out = execFileSync(join(copy, "scripts/build-spec"), ["--check"], { encoding: "utf8" });
      expect(out).toMatch(/up to date/);
    });

    it("exits 1 with a clear message when openapi.yaml would change", () => {
      writeFileSync(join(copy, "openapi.yaml"), `${onDisk}# edited by hand\n`);
      const run = spawnSync(join(copy, "scripts/build-spec"), ["--check"], { encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/openapi\.yaml would change; run `npm run spec:build`/);
      expect(readFileSync(join(copy, "openapi.yaml"), "utf8")).toBe(`${onDisk}# edited by hand\n`);
    });
  });
});
