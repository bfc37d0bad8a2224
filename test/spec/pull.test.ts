// scripts/pull-spec: offline (an unreachable bundle URL) it fails at once and leaves openapi.yaml and
// provenance.json untouched; with a reachable bundle (served locally, in a copy of the repository)
// it rewrites them and reports the operations added, removed and changed.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadSpec, operations, ROOT } from "./support/openapi.js";

const run = promisify(execFile);
const read = (root: string, file: string): string => readFileSync(join(root, file), "utf8");

async function pull(root: string, url: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(join(root, "scripts/pull-spec"), [], {
      env: { ...process.env, ALTEGIO_BUNDLE_URL: url, SPEC_PULL_TIMEOUT_MS: "3000" },
      encoding: "utf8",
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("scripts/pull-spec", () => {
  it("fails at once with a clear message and changes nothing when the bundle is unreachable", async () => {
    const before = [read(ROOT, "openapi.yaml"), read(ROOT, "spec/provenance.json")];
    const started = Date.now();
    // Port 9 (discard) on loopback: connection refused, no network needed.
    const result = await pull(ROOT, "http://127.0.0.1:9/openapi.yaml");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /spec:pull: cannot download http:\/\/127\.0\.0\.1:9\/openapi\.yaml .*Nothing was changed\./,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    expect([read(ROOT, "openapi.yaml"), read(ROOT, "spec/provenance.json")]).toEqual(before);
  });

  describe("with a reachable bundle", () => {
    const copy = mkdtempSync(join(tmpdir(), "spec-pull-"));
    for (const entry of ["spec", "scripts", "src/internal", "openapi.yaml", "package.json"]) {
      cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
    }
    symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
    const bundle = {
      openapi: "3.0.3",
      info: { title: "Business Management", version: "1.0.0" },
      paths: {
        "/auth": {
          post: {
            operationId: "authorize_user",
            parameters: [{ name: "Accept", in: "header", schema: { type: "string" } }],
            responses: {
              "201": {
                description: "Created",
                content: { "application/json": { schema: { type: "object" } } },
              },
            },
          },
        },
        "/brand_new": {
          get: { operationId: "brand_new_operation", responses: { "200": { description: "OK" } } },
        },
      },
    };
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/yaml" });
      res.end(JSON.stringify(bundle));
    });
    afterAll(() => {
      server.close();
      rmSync(copy, { recursive: true, force: true });
    });

    it("writes the corrected bundle and reports added, removed and changed operations", async () => {
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}/openapi.yaml`;
      const result = await pull(copy, url);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/added \(1\): brand_new_operation/);
      // Every operation of the repository's spec but authorize_user is absent from the bundle.
      const ours = operations(loadSpec()).filter((o) => o.via === "path").length;
      expect(result.stdout).toMatch(new RegExp(`removed \\(${ours - 1}\\)`));
      expect(result.stdout).toMatch(/changed \(1\): authorize_user/);
      type Operation = {
        parameters: unknown[];
        security: unknown;
        responses: Record<string, { content: object }>;
      };
      const written = parse(read(copy, "openapi.yaml")) as {
        "x-altegio-media-type": string;
        paths: Record<string, { post?: Operation }>;
      };
      expect(written["x-altegio-media-type"]).toBe("application/vnd.api.v2+json");
      // Conventions and the overlay's /auth choice applied to the bundle too.
      const auth = written.paths["/auth"]?.post;
      expect(auth?.parameters).toEqual([]);
      expect(Object.keys(auth?.responses["201"]?.content ?? {})).toEqual([
        "application/json",
        "application/vnd.api.v2+json",
      ]);
      expect(auth?.security).toEqual([{ BearerPartner: [] }]);
      const provenance = JSON.parse(read(copy, "spec/provenance.json")) as Record<string, unknown>;
      expect(provenance).toMatchObject({ source: "vendor bundle", bundleUrl: url });
    });
  });
});
