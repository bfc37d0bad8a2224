/**
 * The verifier is its own entry point so that the client stays small: what
 * `import { createAltegioClient } from "altegio-b2b"` bundles must hold nothing of src/verify/,
 * ajv, ajv-formats or yaml (esbuild's metafile lists every input that made it in). The verify
 * entry, for contrast, must hold them.
 */
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

async function inputsOf(entry: string, name: string): Promise<string[]> {
  const result = await build({
    stdin: {
      contents: `import { ${name} } from "./${entry}";\nexport const x = ${name};\n`,
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs);
}

const VERIFY_ONLY = /(^|\/)src\/verify\/|node_modules\/(ajv|ajv-formats|yaml)\//;

describe("bundle boundaries", () => {
  it("the client entry bundles nothing of the verifier or its validator", async () => {
    const inputs = await inputsOf("src/index.ts", "createAltegioClient");
    expect(inputs.some((i) => i.includes("src/create-altegio-client"))).toBe(true);
    expect(inputs.filter((i) => VERIFY_ONLY.test(i))).toEqual([]);
  });

  it("the verify entry does bundle them (so the check above can fail)", async () => {
    const inputs = await inputsOf("src/verify/index.ts", "verify");
    expect(inputs.some((i) => /node_modules\/ajv\//.test(i))).toBe(true);
    expect(inputs.some((i) => /node_modules\/yaml\//.test(i))).toBe(true);
  });
});
