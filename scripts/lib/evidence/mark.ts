// Every correction made from evidence or a page sentence says so on the node it changed:
// `x-altegio-correction` (its kind) and `x-altegio-evidence` (the file or the sentence).
type Obj = Record<string, unknown>;

export type CorrectionKind = "empty-array" | "nullable" | "scalar-type" | "undeclared-field";

export function mark(node: Obj, kind: CorrectionKind, evidence: string): boolean {
  const kinds = new Set(
    String(node["x-altegio-correction"] ?? "")
      .split(",")
      .filter(Boolean),
  );
  const already = kinds.has(kind);
  kinds.add(kind);
  node["x-altegio-correction"] = [...kinds].join(",");
  const sources = new Set(
    String(node["x-altegio-evidence"] ?? "")
      .split("; ")
      .filter(Boolean),
  );
  sources.add(evidence);
  node["x-altegio-evidence"] = [...sources].join("; ");
  return !already;
}
