// Which operation of openapi.yaml a recorded call belongs to. Recordings name path parameters as
// their integration did ({company_id}, {id}), the spec as the vendor pages do ({location_id}), so
// templates are compared segment by segment: a parameter matches a parameter, a literal the same
// literal; among several matches the one with the most literal segments wins (`/clients/search`
// over `/clients/{client_id}`).
// No import from contract-tests/: the converter (which runs this) must build in a copy of spec/ and scripts/ alone.
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/** What matching needs of an operation (contract-tests' Operation has these, and more). */
export interface Routable {
  method: string;
  path: string;
}

const segments = (path: string): string[] =>
  path
    .replace(/\/+$/, "")
    .split("/")
    .filter((s) => s !== "");
const isParam = (segment: string): boolean => /^\{[^}]+\}$/.test(segment);

export function findOperation<T extends Routable>(
  operations: T[],
  method: string,
  path: string,
): T | undefined {
  const m = method.toLowerCase();
  if (!METHODS.includes(m)) return undefined;
  const wanted = segments(path);
  let best: { op: T; literals: number } | undefined;
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
