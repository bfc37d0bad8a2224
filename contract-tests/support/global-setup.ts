/**
 * Optional vitest globalSetup for the contract project: one Prism for all 27 tag files instead
 * of one per file (~3 s each on a shared 2-core box). Enable it in vitest.config.ts:
 *   { name: "contract", globalSetup: ["contract-tests/support/global-setup.ts"], … }
 * Without it every file starts and stops its own Prism (./targets.ts), which also works.
 */
import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/lib/prism.js";
import { specPath } from "./spec.js";
import { targetKindFromEnv } from "./targets.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (targetKindFromEnv() !== "prism" || process.env.ALTEGIO_CONTRACT_BASE_URL) return async () => {};
  const prism = await startPrism({ spec: specPath() });
  project.provide("contractPrismBaseUrl", prism.baseUrl);
  // The files must build requests from the very version Prism serves.
  project.provide("contractSpecFile", prism.specFile);
  return () => prism.stop();
}
