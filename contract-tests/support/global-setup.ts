/**
 * The vitest globalSetup of the contract project (vitest.config.ts): one Prism for all the tag
 * files instead of one per file (~3 s each on a shared 2-core box), stopped by PID at the end.
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
