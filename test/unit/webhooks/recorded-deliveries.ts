/** The recorded webhook deliveries of spec/evidence (method WEBHOOK, path "webhook:<kind> (<status>)"). */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const EVIDENCE_DIR = resolve(import.meta.dirname, "../../../spec/evidence/responses");

export interface RecordedDelivery {
  file: string;
  kind: string;
  status: string;
  body: unknown;
}

export function recordedDeliveries(): RecordedDelivery[] {
  return readdirSync(EVIDENCE_DIR)
    .filter((file) => file.endsWith(".json"))
    .flatMap((file) => {
      const entry = JSON.parse(readFileSync(join(EVIDENCE_DIR, file), "utf8")) as {
        method: string;
        path: string;
        body: unknown;
      };
      if (entry.method !== "WEBHOOK") return [];
      const match = /^webhook:(\w+) \((\w+)\)$/.exec(entry.path);
      if (!match?.[1] || !match[2]) throw new Error(`${file}: unexpected webhook path ${entry.path}`);
      return [{ file, kind: match[1], status: match[2], body: entry.body }];
    });
}
