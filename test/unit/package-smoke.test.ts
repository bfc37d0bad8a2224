/**
 * The BUILT package imports by its name and works: scripts/build into a private folder (so
 * parallel runs do not fight over dist/), then a child `node` imports "altegio-b2b" through
 * package.json `exports` (self-reference) and calls a local server. A failed build fails here.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = join(".cache", `smoke-${process.pid}-${Date.now()}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHILD = `
import { createServer } from "node:http";
const m = await import("altegio-b2b");
const campaigns = await import("altegio-b2b/campaigns");
const server = createServer((req, res) => {
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ success: true, data: { auth: req.headers.authorization, accept: req.headers.accept }, meta: [] }));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const client = m.createAltegioClient({ partnerToken: "p", userToken: "u", baseUrl: "http://127.0.0.1:" + server.address().port + "/api/v1", env: {}, rateLimit: false });
const { data } = await client.GET("/companies");
const preview = await campaigns.sendSmsCampaign(client, 1, { audience: { clientIds: [7, 7, 8] }, text: "Hi", dryRun: true });
let inputError;
try { await campaigns.sendSmsCampaign(client, 1, { audience: { filter: {} }, text: "Hi" }); } catch (e) { inputError = e.name + " " + (e instanceof m.AltegioError); }
let configError;
try { m.createAltegioClient({ env: {} }); } catch (e) { configError = e.name + ": " + e.message; }
server.close();
console.log(JSON.stringify({ exports: Object.keys(m).sort(), campaignExports: Object.keys(campaigns).sort(), data: data.data, configError, preview: preview.requests.map((r) => r.body), inputError }));
`;

describe("package smoke test", () => {
  it("builds, then imports 'altegio-b2b' and 'altegio-b2b/campaigns' from the built files and makes requests", {
    timeout: 180_000,
  }, () => {
    mkdirSync(dir, { recursive: true });
    execFileSync("scripts/build", [join(dir, "dist")], { stdio: "pipe" });
    copyFileSync("package.json", join(dir, "package.json"));
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", CHILD], {
      cwd: dir,
      encoding: "utf8",
    });
    const result = JSON.parse(out) as {
      exports: string[];
      campaignExports: string[];
      data: unknown;
      configError: string;
      preview: unknown[];
      inputError: string;
    };
    for (const name of [
      "createAltegioClient",
      "login",
      "paginate",
      "AltegioError",
      "AltegioApiError",
      "AltegioAuthenticationError",
      "AltegioInsufficientFundsError",
      "AltegioNetworkError",
      "AltegioTimeoutError",
      "AltegioConfigError",
    ]) {
      expect(result.exports).toContain(name);
    }
    // The campaigns subpath resolves through `exports` and is not re-exported from the root.
    expect(result.campaignExports).toContain("sendSmsCampaign");
    expect(result.exports).not.toContain("sendSmsCampaign");
    expect(result.preview).toEqual([{ client_ids: [7, 8], text: "Hi" }]);
    expect(result.inputError).toMatch(/^CampaignInputError /);
    expect(result.data).toEqual({ auth: "Bearer p", accept: "application/vnd.api.v2+json" });
    expect(result.configError).toMatch(/^AltegioConfigError: partnerToken: is required/);
  });
});
