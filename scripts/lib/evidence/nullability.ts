// A field the pages describe as possibly null ("Null if the total is 0", "… or null") is
// `nullable`, whatever its `(type)` says; so is a field a recording shows as null.
import { forEachResponseProperty } from "./empty-array.js";
import { mark } from "./mark.js";

type Obj = Record<string, unknown>;

const SAYS_NULL = /\b(null if|or null|null when|can be null|may be null|null for|null otherwise|is null)\b/i;

/** The node itself, or for an `anyOf` its first typed branch (3.0's `nullable` needs a `type` beside it). */
function holder(node: Obj): Obj | undefined {
  if (typeof node.type === "string") return node;
  const first = (Array.isArray(node.anyOf) ? node.anyOf : []).find(
    (b): b is Obj => typeof b === "object" && b !== null && typeof (b as Obj).type === "string",
  );
  return first;
}

export function canBeNullable(node: Obj): boolean {
  const h = holder(node);
  return h !== undefined && h.nullable !== true;
}

export function nullableFromPages(schemas: Record<string, Obj>): number {
  let n = 0;
  forEachResponseProperty(schemas, (node) => {
    const description = typeof node.description === "string" ? node.description : "";
    const sentence = description.split(/(?<=[.;])\s+|\n/).find((s) => SAYS_NULL.test(s));
    const h = holder(node);
    if (!sentence || !h || h.nullable === true) return;
    h.nullable = true;
    if (mark(node, "nullable", `page: "${sentence.trim()}"`)) n++;
  });
  return n;
}

export function makeNullable(node: Obj, evidence: string): boolean {
  const h = holder(node);
  if (!h || h.nullable === true) return false;
  h.nullable = true;
  return mark(node, "nullable", evidence);
}
