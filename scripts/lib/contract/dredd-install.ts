/**
 * Dredd lives in its own folder (contract-tests/dredd/, own package.json and lockfile), so the
 * main `npm ci` installs none of its ~230 packages (archived Dredd 14, jsonpath-plus 1.1.0 with
 * published advisories among them). The lane and the tools test install it on first use.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { repoRoot } from "../prism.js";

export const DREDD_DIR = resolve(repoRoot, "contract-tests/dredd");
export const DREDD_BIN = resolve(DREDD_DIR, "node_modules/.bin/dredd");

/**
 * The path of the lane's Dredd, after `npm ci --prefix contract-tests/dredd` if it is missing.
 *
 * @example
 * spawn(ensureDredd(), [spec, baseUrl, "--hookfiles", hooks]);
 */
export function ensureDredd(): string {
  if (!existsSync(DREDD_BIN)) {
    console.error("dredd: installing the lane's own dependencies (npm ci --prefix contract-tests/dredd)");
    execFileSync("npm", ["ci", "--prefix", DREDD_DIR, "--no-audit", "--no-fund"], {
      stdio: ["ignore", "inherit", "inherit"],
    });
  }
  return DREDD_BIN;
}
