/**
 * Where the contract tests send their requests, and how each target is asked for a status:
 * - prism:   our openapi.yaml under Prism, started once by ./global-setup.ts; `Prefer: code=<status>`.
 * - redocly: the vendor's mock (https://developer.alteg.io/_mock/en/b2b-v1/openapi), which picks
 *            a status with `x-redocly-response-status` (and an example with
 *            `x-redocly-response-body-example`), checks auth, validates requests and echoes
 *            request values into responses; it adds no `sl-violations` header.
 * - custom:  any base URL (a customer's sandbox): only the operation's success status can be
 *            asked for; the error-status tests are reported as skipped there, never as passed.
 */
import { inject } from "vitest";
import { specPath } from "./spec.js";

export type TargetKind = "prism" | "redocly" | "custom";
export const VENDOR_MOCK_URL = "https://developer.alteg.io/_mock/en/b2b-v1/openapi";

export interface Target {
  kind: TargetKind;
  baseUrl: string;
  /** Extra request headers that make the target answer `status`; undefined = it cannot. */
  statusHeaders(status: number, isDefaultSuccess: boolean): Record<string, string> | undefined;
  /** Prism reports spec violations in this header; other targets never set it. */
  checksViolations: boolean;
  partnerToken: string;
  userToken: string;
}

export function targetKindFromEnv(): TargetKind {
  const explicit = process.env.ALTEGIO_CONTRACT_TARGET;
  if (explicit === "prism" || explicit === "redocly" || explicit === "custom") return explicit;
  const url = process.env.ALTEGIO_CONTRACT_BASE_URL;
  if (!url) return "prism";
  return url.includes("/_mock/") ? "redocly" : "custom";
}

function makeTarget(kind: TargetKind, baseUrl: string): Target {
  // Mocks accept any token; a real sandbox needs real ones, read from the environment only.
  const partnerToken = process.env.ALTEGIO_PARTNER_TOKEN ?? "contract-partner-token";
  const userToken = process.env.ALTEGIO_USER_TOKEN ?? "contract-user-token";
  return {
    kind,
    baseUrl: baseUrl.replace(/\/+$/, ""),
    checksViolations: kind === "prism",
    partnerToken,
    userToken,
    statusHeaders(status, isDefaultSuccess) {
      if (kind === "prism") return { Prefer: `code=${status}` };
      if (kind === "redocly") return { "x-redocly-response-status": String(status) };
      return isDefaultSuccess ? {} : undefined;
    },
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Set by contract-tests/support/global-setup.ts when the config uses it. */
    contractPrismBaseUrl?: string;
    /** The spec snapshot that Prism serves, set by the global setup with the URL. */
    contractSpecFile?: string;
  }
}

/**
 * Register a beforeAll that resolves the target for this test file, and return a getter. Prism
 * is the one contract-tests/support/global-setup.ts starts for the whole contract project.
 */
export function useTarget(hooks: {
  beforeAll: (fn: () => Promise<void>, timeout?: number) => void;
}): () => Target {
  let target: Target | undefined;
  hooks.beforeAll(async () => {
    const kind = targetKindFromEnv();
    const url = process.env.ALTEGIO_CONTRACT_BASE_URL;
    if (kind !== "prism" || url) {
      target = makeTarget(kind, url ?? VENDOR_MOCK_URL);
      return;
    }
    let shared: string | undefined;
    try {
      shared = inject("contractPrismBaseUrl");
    } catch {
      shared = undefined;
    }
    if (!shared) {
      throw new Error(
        "no Prism for the contract tests: run them through the vitest contract project " +
          "(npm run test:contract), whose global setup starts it",
      );
    }
    target = makeTarget("prism", shared);
  });
  return () => {
    if (!target) throw new Error("contract target not ready (beforeAll failed?)");
    return target;
  };
}

/** The spec file of this run: the global setup's snapshot when there is one, else openapi.yaml. */
export function runSpecFile(): string {
  try {
    return inject("contractSpecFile") ?? specPath();
  } catch {
    return specPath();
  }
}
