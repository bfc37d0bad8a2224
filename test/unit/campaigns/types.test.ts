// Compile-time checks of the public types (tsc --noEmit fails on a wrong one), plus the
// runtime twin of each refusal so the file also fails under vitest if the guard regresses.
import { describe, expect, expectTypeOf, it } from "vitest";
import { resolveAudience } from "../../../src/campaigns/audience.js";
import {
  type CampaignAudience,
  type CampaignDryRun,
  type CampaignResult,
  sendEmailCampaign,
  sendSmsCampaign,
} from "../../../src/campaigns/index.js";
import { createAltegioClient } from "../../../src/index.js";

// Port 9 (discard) on loopback: nothing here may reach the network; every call below is either
// type-only (never invoked) or refused before any request.
const client = createAltegioClient({
  partnerToken: "p",
  userToken: "u",
  baseUrl: "http://127.0.0.1:9",
  env: {},
});

describe("types", () => {
  it("a dry run resolves to CampaignDryRun, a send to CampaignResult", () => {
    const audience = { clientIds: [1] };
    // Never called: only the compiler looks at these (calling them would send).
    const typeOnly = () => {
      expectTypeOf(
        sendSmsCampaign(client, 1, { audience, text: "Hi", dryRun: true }),
      ).resolves.toEqualTypeOf<CampaignDryRun>();
      expectTypeOf(
        sendSmsCampaign(client, 1, { audience, text: "Hi" }),
      ).resolves.toEqualTypeOf<CampaignResult>();
      expectTypeOf(
        sendEmailCampaign(client, 1, { audience, subject: "S", text: "T", dryRun: false }),
      ).resolves.toEqualTypeOf<CampaignResult>();
    };
    expect(typeof typeOnly).toBe("function");
  });

  it("an audience is exactly one of clientIds, filter, allClients", () => {
    // @ts-expect-error clientIds and filter together
    const both: CampaignAudience = { clientIds: [1], filter: { fullname: "Joh" } };
    // @ts-expect-error allClients must be literally true
    const notTrue: CampaignAudience = { allClients: false };
    // @ts-expect-error unknown filter key
    const typo: CampaignAudience = { filter: { name: "Joh" } };
    for (const audience of [both, notTrue, typo]) expect(() => resolveAudience(audience)).toThrow();
  });

  it("an email needs a subject", () => {
    // @ts-expect-error subject is required
    const p = sendEmailCampaign(client, 1, { audience: { clientIds: [1] }, text: "T" });
    return expect(p).rejects.toThrow(/subject/);
  });
});
