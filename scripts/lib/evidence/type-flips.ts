// Measures how typed the spec is where the evidence shows it: in every recorded body that
// validates, each leaf value in turn is replaced by a value of another JSON type (number →
// string, string → object, boolean → number, null → boolean) and the body is validated again.
// A spec loosened to accept anything refuses none of them; the share refused is the figure.
import type { Spec } from "../../../contract-tests/support/spec.js";
import { validatorFor } from "../../../contract-tests/support/validator.js";
import { target } from "./check.js";
import type { Evidence } from "./files.js";

export interface FlipReport {
  /** Bodies that validate, hence were flipped. */
  bodies: number;
  flips: number;
  refused: number;
  /** Per body: flips and how many were refused. */
  perFile: { file: string; flips: number; refused: number }[];
  /** A few accepted flips, `file path: from → to`, to see where the spec is loose. */
  accepted: string[];
}

export function flipped(value: unknown): unknown {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return {};
  if (typeof value === "boolean") return value ? 1 : 0;
  return true; // null
}

type Path = (string | number)[];

/** Paths of every leaf (scalar or null) of a JSON value. */
export function leaves(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, k) => leaves(v, [...at, k]));
  if (typeof value === "object" && value !== null)
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  return [at];
}

function replaced(value: unknown, path: Path, depth = 0): unknown {
  if (depth === path.length) return flipped(value);
  const key = path[depth] as string | number;
  if (Array.isArray(value)) return value.map((v, k) => (k === key ? replaced(v, path, depth + 1) : v));
  const obj = value as Record<string, unknown>;
  return { ...obj, [key]: replaced(obj[key], path, depth + 1) };
}

export function measureTypeFlips(spec: Spec, evidence: Evidence[], keepAccepted = 20): FlipReport {
  const validator = validatorFor(spec);
  const report: FlipReport = { bodies: 0, flips: 0, refused: 0, perFile: [], accepted: [] };
  for (const e of evidence) {
    const t = target(spec, e);
    if ("reason" in t || validator.check(t.schema, t.value).length > 0) continue;
    report.bodies++;
    const row = { file: e.file, flips: 0, refused: 0 };
    for (const path of leaves(t.value)) {
      row.flips++;
      if (validator.check(t.schema, replaced(t.value, path)).length > 0) row.refused++;
      else if (report.accepted.length < keepAccepted) report.accepted.push(`${e.file} /${path.join("/")}`);
    }
    report.flips += row.flips;
    report.refused += row.refused;
    report.perFile.push(row);
  }
  return report;
}
