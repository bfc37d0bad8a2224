// The recorded live responses under spec/evidence/ and the table that says where each came from.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const EVIDENCE_DIR = "spec/evidence";
export const RESPONSES_DIR = `${EVIDENCE_DIR}/responses`;
export const PROVENANCE_TSV = `${EVIDENCE_DIR}/provenance.tsv`;
/** The calls ~90 integrations make (api, repo, method, path, query_keys, body_keys, note). */
export const CALLS_TSV = `${EVIDENCE_DIR}/calls.tsv`;
export const UNVALIDATED_TSV = `${EVIDENCE_DIR}/unvalidated.tsv`;
/** Deliveries to a partner's webhook URL carry this pseudo method instead of an HTTP one. */
export const WEBHOOK = "WEBHOOK";

/** One recorded body, as the real-world reference stores it. */
export interface Evidence {
  /** File name under spec/evidence/responses/. */
  file: string;
  /** Repository (and file) the body was recorded from. */
  source: string;
  api: string;
  method: string;
  path: string;
  /** HTTP status, null when the recording does not say (webhooks, pasted comments). */
  status: number | null;
  /** The body is the envelope's `data` alone. */
  data_only: boolean;
  /** The body is one item of the envelope's `data` array. */
  data_item: boolean;
  note: string;
  body: unknown;
}

export function readEvidence(root: string): Evidence[] {
  const dir = join(root, RESPONSES_DIR);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((file) => parseEvidence(file, readFileSync(join(dir, file), "utf8")));
}

export function parseEvidence(file: string, text: string): Evidence {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const str = (key: string): string => {
    const v = raw[key];
    if (typeof v !== "string" || v === "") throw new Error(`${file}: "${key}" must be a non-empty string`);
    return v;
  };
  const status = raw.status;
  if (status !== null && status !== undefined && typeof status !== "number")
    throw new Error(`${file}: "status" must be a number or null`);
  if (!("body" in raw)) throw new Error(`${file}: no "body"`);
  return {
    file,
    source: str("source"),
    api: str("api"),
    method: str("method").toUpperCase(),
    path: str("path"),
    status: status ?? null,
    data_only: raw.data_only === true,
    data_item: raw.data_item === true,
    note: typeof raw.note === "string" ? raw.note : "",
    body: raw.body,
  };
}

/** Rows of a tab-separated table with a header line. */
export function readTsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const names = (header ?? "").split("\t");
  return rows.map((row) => {
    const cells = row.split("\t");
    return Object.fromEntries(names.map((name, k) => [name, cells[k] ?? ""]));
  });
}
