import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The BUILT package (dist/src/index.js, made by scripts/build), which is what a consumer runs:
 * benchmarking src/ through tsx would also time tsx's transform helpers. Typed as src/.
 *
 * @example
 * const { createAltegioClient } = await loadBuiltPackage();
 */
export async function loadBuiltPackage(): Promise<typeof import("../src/index.js")> {
  return (await import(pathToFileURL(resolve("dist/src/index.js")).href)) as typeof import("../src/index.js");
}
