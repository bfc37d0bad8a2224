/**
 * A body for a schema with EVERY documented field present, each value a canary (a string or
 * number that appears nowhere else), so a test can prove the report never repeats one. Each
 * field's place is recorded with what a drift plant needs to know about it.
 */
import { isObject, type Json, type JsonObject } from "../../../src/verify/json.js";
import { deref } from "../../../src/verify/spec-document.js";

export interface Field {
  /** `data[].title`, the report's notation. */
  path: string;
  type: string;
  /** The parent object documents its properties and allows no others. */
  parentClosed: boolean;
  /** The schema at this field allows more than one JSON type (anyOf / nullable). */
  loose: boolean;
}

export interface Sample {
  body: Json;
  fields: Field[];
  canaries: { strings: string[]; numbers: number[] };
}

const MAX_DEPTH = 10;
const ANY = "\u0000any";

export function sampleFor(doc: JsonObject, schema: unknown, seed: number): Sample {
  let n = 0;
  const strings: string[] = [];
  const numbers: number[] = [];
  const fields: Field[] = [];
  const str = () => {
    const s = `cnry${seed}x${n++}q`;
    strings.push(s);
    return s;
  };
  const num = () => {
    const v = 7_300_000_000 + seed * 10_000 + n++;
    numbers.push(v);
    return v;
  };

  // Canaries are above int32; an int32 field gets one below 2^31, a field with a small maximum
  // (a count capped at 255) a plain in-range value, which is no canary.
  const number = (s: JsonObject): number => {
    const max = typeof s.maximum === "number" ? s.maximum : undefined;
    if (max !== undefined && max < 2_000_000_000)
      return Math.min(max, Math.max(typeof s.minimum === "number" ? s.minimum : 0, 1));
    if (s.format !== "int32") return num();
    const v = 1_900_000_000 + seed * 10_000 + n++;
    numbers.push(v);
    return v;
  };

  // undefined: the schema says nothing (any value): another allOf part decides, else a string.
  const gen = (raw: unknown, path: string, depth: number): Json | undefined => {
    const s = deref(doc, raw);
    if (!isObject(s)) return undefined;
    if (Array.isArray(s.allOf)) {
      const { allOf, ...own } = s;
      let out: Json | undefined;
      for (const part of [...allOf, own]) out = deepMerge(out, gen(part, path, depth));
      return out;
    }
    const alts = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
    if (alts) {
      const nonNull = alts.find((a) => (deref(doc, a) as JsonObject | undefined)?.type !== "null") ?? alts[0];
      // The schema's own keywords (an `items` beside the anyOf) apply to the alternative too.
      const { anyOf: _a, oneOf: _o, ...own } = s;
      return gen({ allOf: [nonNull ?? {}, own] }, path, depth);
    }
    if (Array.isArray(s.enum)) return (s.enum.find((e) => e !== null) ?? null) as Json;
    const types = typeof s.type === "string" ? [s.type] : Array.isArray(s.type) ? (s.type as string[]) : [];
    const type =
      types.find((t) => t !== "null") ?? (isObject(s.properties) ? "object" : s.items ? "array" : "any");
    if (type === "object") {
      const out: JsonObject = {};
      if (depth >= MAX_DEPTH) return out;
      const closed = isObject(s.properties) && s.additionalProperties === undefined;
      for (const [name, prop] of Object.entries(isObject(s.properties) ? s.properties : {})) {
        const at = path ? `${path}.${name}` : name;
        const value = gen(prop, at, depth + 1);
        out[name] = value ?? ANY;
        fields.push({
          path: at,
          type: value === undefined ? "string" : kindOf(value),
          parentClosed: closed,
          loose: isLoose(doc, prop),
        });
      }
      return out;
    }
    if (type === "array") {
      if (depth >= MAX_DEPTH || !s.items) return [];
      const one = gen(s.items, `${path}[]`, depth + 1) ?? ANY;
      if (typeof s.maxItems === "number" && s.maxItems < 2) return s.maxItems < 1 ? [] : [one];
      return [one, gen(s.items, `${path}[]`, depth + 1) ?? ANY];
    }
    if (type === "number" || type === "integer") return number(s);
    if (type === "boolean") return true;
    if (type === "any") return undefined;
    if (s.format === "date-time") return "2031-07-19T13:57:41Z";
    if (s.format === "date") return "2031-07-19";
    // A canary does not fit a short maxLength (a currency's ISO code): a plain value, not a canary.
    if (typeof s.maxLength === "number" && s.maxLength < 16)
      return "x".repeat(
        Math.min(s.maxLength, Math.max(1, typeof s.minLength === "number" ? s.minLength : 1)),
      );
    return str();
  };

  // A field no part typed gets a canary string once every allOf part has had its say.
  const fill = (v: Json): Json =>
    v === ANY
      ? str()
      : Array.isArray(v)
        ? v.map(fill)
        : isObject(v)
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]))
          : v;
  const body = fill(gen(schema, "", 0) ?? ANY);
  return { body, fields: dedupeFields(fields), canaries: { strings, numbers } };
}

function isLoose(doc: JsonObject, raw: unknown): boolean {
  const s = deref(doc, raw);
  if (!isObject(s)) return true;
  if (Array.isArray(s.type) || s.anyOf || s.oneOf || s.type === undefined) return true;
  return Array.isArray(s.allOf) && s.allOf.some((p) => isLoose(doc, p));
}

function kindOf(v: Json): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function deepMerge(a: Json | undefined, b: Json | undefined): Json | undefined {
  if (b === undefined || b === ANY) return a ?? b;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length)
    return a.map((x, i) => deepMerge(x, b[i]) ?? null);
  if (isObject(a) && isObject(b)) {
    const out: JsonObject = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = (k in out ? deepMerge(out[k], v) : v) ?? null;
    return out;
  }
  return b;
}

function dedupeFields(fields: Field[]): Field[] {
  const seen = new Map<string, Field>();
  // The last word on a path is the most specific allOf part (the envelope's `data` comes first).
  for (const f of fields) seen.set(f.path, f);
  return [...seen.values()];
}

/** Apply `fn` to the value(s) at `path` (every item of each `[]`), in place. */
export function atPath(body: Json, path: string, fn: (parent: JsonObject, key: string) => void): number {
  let hits = 0;
  const segs = path.split(".");
  const walk = (node: Json, i: number): void => {
    const seg = segs[i] ?? "";
    const list = seg.endsWith("[]");
    const key = list ? seg.slice(0, -2) : seg;
    if (!isObject(node)) return;
    if (i === segs.length - 1 && !list) {
      if (key in node) {
        fn(node, key);
        hits++;
      }
      return;
    }
    const next = node[key];
    if (list) {
      if (Array.isArray(next)) for (const item of next) walk(item, i + 1);
    } else if (next !== undefined) walk(next, i + 1);
  };
  // A root-array path (`[].x`) does not occur in the plants; paths start at an object key.
  walk(body, 0);
  return hits;
}
