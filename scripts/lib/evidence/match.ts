// Which operation of openapi.yaml a recorded call belongs to. Recordings name path parameters as
// their integration did ({company_id}, {id}), the spec as the vendor pages do ({location_id}), so
// templates are compared segment by segment: a parameter matches a parameter, a literal the same
// literal; among several matches the one with the most literal segments wins (`/clients/search`
// over `/clients/{client_id}`).
import { METHODS, type Method, type Operation } from "../../../contract-tests/support/spec.js";

const segments = (path: string): string[] =>
  path
    .replace(/\/+$/, "")
    .split("/")
    .filter((s) => s !== "");
const isParam = (segment: string): boolean => /^\{[^}]+\}$/.test(segment);

export function findOperation(operations: Operation[], method: string, path: string): Operation | undefined {
  const m = method.toLowerCase() as Method;
  if (!METHODS.includes(m)) return undefined;
  const wanted = segments(path);
  let best: { op: Operation; literals: number } | undefined;
  for (const op of operations) {
    if (op.method !== m) continue;
    const have = segments(op.path);
    if (have.length !== wanted.length) continue;
    let literals = 0;
    const fits = have.every((seg, k) => {
      const other = wanted[k] ?? "";
      if (isParam(seg) && isParam(other)) return true;
      if (seg === other) {
        literals++;
        return true;
      }
      return false;
    });
    if (fits && (!best || literals > best.literals)) best = { op, literals };
  }
  return best?.op;
}
