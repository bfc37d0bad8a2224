/** The human summary printed at the end of a run (the JSON report has the same facts). */
import type { OperationResult, VerifyReport } from "./report.js";
import type { Mismatch } from "./shape.js";

export function formatSummary(report: VerifyReport): string {
  const t = report.totals;
  const checked = t.ok + t.drift + t.error;
  const lines = [
    `altegio-b2b verify: ${checked} operations checked in ${seconds(report.durationMs)} ` +
      `(${report.requests} requests, limiter waits ${seconds(report.limiterWaitMs)})`,
    `  ok ${t.ok} · drift ${t.drift} · error ${t.error} · not checked ${t["not-checked"]}`,
  ];
  if (report.stopped) lines.push(`  stopped early: ${report.stopped}`);
  const drifted = report.operations.filter((r) => r.status === "drift" || r.undocumented?.length);
  if (drifted.length > 0) {
    lines.push("", "drift and undocumented fields:");
    for (const r of drifted) {
      lines.push(`  ${label(r)}${r.status === "drift" ? "" : " (ok: only undocumented fields)"}`);
      for (const m of r.mismatches ?? []) lines.push(`    ${describeMismatch(m)}`);
      for (const u of r.undocumented ?? []) lines.push(`    ${u.path}: undocumented field (${u.type})`);
      if (r.neverSeen?.length) lines.push(`    never seen: ${r.neverSeen.join(", ")}`);
    }
  }
  const errors = report.operations.filter((r) => r.status === "error");
  if (errors.length > 0) {
    lines.push("", "errors:");
    for (const r of errors)
      lines.push(`  ${label(r)}: ${r.httpStatus ? `HTTP ${r.httpStatus} ` : ""}(${r.error})`);
  }
  const quiet = report.operations.filter((r) => r.status === "ok" && r.neverSeen?.length);
  if (quiet.length > 0) {
    const n = quiet.reduce((sum, r) => sum + (r.neverSeen?.length ?? 0), 0);
    lines.push(
      "",
      `documented fields never seen in ok answers: ${n} in ${quiet.length} operations (listed in --out)`,
    );
  }
  const reasons = new Map<string, number>();
  for (const r of report.operations) {
    if (r.status === "not-checked") reasons.set(r.why ?? "", (reasons.get(r.why ?? "") ?? 0) + 1);
  }
  if (reasons.size > 0) {
    lines.push("", "not checked:");
    for (const [why, n] of [...reasons].sort((a, b) => b[1] - a[1]))
      lines.push(`  ${String(n).padStart(3)} × ${why}`);
  }
  return `${lines.join("\n")}\n`;
}

export function describeMismatch(m: Mismatch): string {
  switch (m.problem) {
    case "type":
      return `${m.path}: ${m.expected} expected, ${m.seen} seen`;
    case "missing":
      return `${m.path}: required field missing`;
    case "enum":
      return `${m.path}: not one of the documented values`;
    case "envelope-missing":
      return `${m.path}: envelope missing (the body is what data should hold)`;
    case "constraint":
      return `${m.path}: breaks ${m.expected}`;
  }
}

const label = (r: OperationResult) => `${r.operation} (${r.operationId})`;

export function seconds(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
