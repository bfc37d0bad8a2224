import { defineConfig } from "vitest/config";

// One project per test layer, so each can be run alone (see package.json scripts).
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 20_000 } },
      {
        test: {
          name: "types",
          include: [],
          typecheck: { enabled: true, only: true, include: ["test/types/**/*.test-d.ts"] },
        },
      },
      // Hooks parse the 1.7 MB openapi.yaml; on a loaded machine that outlasts the 10 s default.
      {
        test: {
          name: "spec",
          include: ["test/spec/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      // `altegio-b2b verify` against real local servers (a drift server, Prism).
      {
        test: {
          name: "verify",
          include: ["test/verify/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "contract",
          include: ["contract-tests/**/*.test.ts"],
          // One Prism for every tag file: starting one per file cost ~100 s of the run.
          globalSetup: ["contract-tests/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Prism per file would overload 2 cores; files share the machine sequentially.
          fileParallelism: false,
        },
      },
    ],
  },
});
