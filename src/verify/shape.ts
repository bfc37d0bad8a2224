/**
 * Compare the SHAPE of an answer with its schema: where the types differ, which documented
 * fields are missing or never came, which fields came undocumented. ajv says whether a body is
 * valid (./validator.ts); this says where and how, in words that carry no value: a path with
 * array indices collapsed (`data[].api_id`) and JSON type names. Keys that are not plain
 * identifiers (ids or phones used as map keys) are reported as `{key}`.
 */
import { isObject, type JsonObject, jsonType } from "./json.js";
import { deref } from "./spec-document.js";

export type Mismatch =
  /** The value's JSON type is not one the schema allows. */
  | { path: string; problem: "type"; expected: string; seen: string }
  /** A field the schema requires is absent. */
  | { path: string; problem: "missing" }
  /** The value is not one of the documented enum values. */
  | { path: string; problem: "enum" }
  /** The body is what `data` should hold, without the `{ success, data, meta }` around it. */
  | { path: string; problem: "envelope-missing" }
  /** Any other rule ajv reports (format, minimum…); `expected` names the rule, never the value. */
  | { path: string; problem: "constraint"; expected: string };

export interface Undocumented {
  path: string;
  type: string;
}

export interface ShapeResult {
  mismatches: Mismatch[];
  undocumented: Undocumented[];
  /** Documented fields (and `[]` for arrays that came empty) under a parent that came. */
  neverSeen: string[];
}

interface Flat {
  types: string[][];
  props: Map<string, unknown[]>;
  hasProps: boolean;
  required: Set<string>;
  items: unknown[];
  extraSchemas: unknown[];
  extraAllowed: boolean;
  enums: unknown[][];
  groups: unknown[][];
}

const MAX_DEPTH = 64;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A path segment for a key the server chose; documented keys come from the spec as they are. */
export const safeKey = (key: string): string => (IDENTIFIER.test(key) ? key : "{key}");
export const childPath = (path: string, key: string): string => (path ? `${path}.${key}` : key);
export const itemPath = (path: string): string => `${path}[]`;
export const displayPath = (path: string): string => path || "(root)";

/** Walk `value` against `schema` (JSON Schema as ./oas30.ts makes it) inside `doc`. */
export function compareShape(doc: JsonObject, schema: unknown, value: unknown, root = ""): ShapeResult {
  const walker = new Walker(doc);
  walker.visit(value, [schema], root, 0);
  return walker.result();
}

/** The schemas `data` has under the root envelope, when the root documents one. */
export function envelopeDataSchemas(doc: JsonObject, schema: unknown): unknown[] | undefined {
  return flatten(doc, [schema]).props.get("data");
}

/** The property names a conjunction of schemas documents (allOf folded in). */
export function propertyNames(doc: JsonObject, schemas: unknown[]): Set<string> {
  return new Set(flatten(doc, schemas).props.keys());
}

class Walker {
  readonly mismatches: Mismatch[] = [];
  readonly undocumented = new Map<string, string>();
  readonly documented = new Set<string>();
  readonly seen = new Set<string>();

  constructor(private readonly doc: JsonObject) {}

  result(): ShapeResult {
    return {
      mismatches: dedupe(this.mismatches),
      undocumented: [...this.undocumented].map(([path, type]) => ({ path, type })),
      neverSeen: [...this.documented].filter((p) => !this.seen.has(p)),
    };
  }

  /** How far `value` is from a schema: for choosing between anyOf alternatives. */
  score(): number {
    return this.mismatches.length * 100 + this.undocumented.size;
  }

  visit(value: unknown, schemas: unknown[], path: string, depth: number): void {
    this.visitFlat(value, flatten(this.doc, schemas), path, depth);
  }

  visitFlat(value: unknown, flat: Flat, path: string, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const wrongType = flat.types.find((allowed) => !typeAllows(allowed, value));
    if (wrongType) {
      this.mismatches.push({
        path,
        problem: "type",
        expected: describeTypes(wrongType),
        seen: jsonType(value),
      });
      return;
    }
    let current: Flat = { ...flat, groups: [] };
    const pending = [...flat.groups];
    for (let group = pending.shift(); group; group = pending.shift()) {
      const chosen = this.choose(value, current, group, path, depth);
      if (!chosen) return;
      pending.push(...chosen.groups);
      current = { ...chosen, groups: [] };
    }
    if (current.enums.some((list) => !list.some((e) => sameJson(e, value)))) {
      this.mismatches.push({ path, problem: "enum" });
      return;
    }
    if (isObject(value)) this.visitObject(value, current, path, depth);
    else if (Array.isArray(value) && current.items.length > 0) {
      const items = itemPath(path);
      if (value.length === 0) this.documented.add(items);
      else this.seen.add(items);
      for (const item of value) this.visit(item, current.items, items, depth + 1);
    }
  }

  private visitObject(value: JsonObject, flat: Flat, path: string, depth: number): void {
    for (const name of flat.required) {
      if (!(name in value)) this.mismatches.push({ path: childPath(path, name), problem: "missing" });
    }
    for (const name of flat.props.keys()) this.documented.add(childPath(path, name));
    for (const [key, child] of Object.entries(value)) {
      const props = flat.props.get(key);
      if (props) {
        const at = childPath(path, key);
        this.seen.add(at);
        this.visit(child, props, at, depth + 1);
      } else if (flat.extraSchemas.length > 0) {
        this.visit(child, flat.extraSchemas, childPath(path, "*"), depth + 1);
      } else if (flat.hasProps && !flat.extraAllowed) {
        const at = childPath(path, safeKey(key));
        if (!this.undocumented.has(at)) this.undocumented.set(at, jsonType(child));
      }
    }
  }

  /**
   * The alternative of an anyOf/oneOf that fits best, merged into `base` (which has no groups
   * left; the result carries the alternative's own); undefined = none fits, reported as a type.
   */
  private choose(
    value: unknown,
    base: Flat,
    group: unknown[],
    path: string,
    depth: number,
  ): Flat | undefined {
    let best: { flat: Flat; score: number; typeMiss: boolean } | undefined;
    const expected: string[] = [];
    for (const alt of group) {
      const flat = merge(base, flatten(this.doc, [alt]));
      const trial = new Walker(this.doc);
      trial.visitFlat(value, flat, path, depth);
      const rootMiss = trial.mismatches.find((m) => m.path === path && m.problem === "type");
      if (rootMiss?.problem === "type") expected.push(rootMiss.expected);
      const score = trial.score();
      if (!best || (best.typeMiss && !rootMiss) || (!!rootMiss === best.typeMiss && score < best.score)) {
        best = { flat, score, typeMiss: !!rootMiss };
      }
    }
    if (!best) return base;
    if (best.typeMiss) {
      const words = [...new Set(expected.join(" or ").split(" or "))];
      this.mismatches.push({ path, problem: "type", expected: describeTypes(words), seen: jsonType(value) });
      return undefined;
    }
    return best.flat;
  }
}

function emptyFlat(): Flat {
  return {
    types: [],
    props: new Map(),
    hasProps: false,
    required: new Set(),
    items: [],
    extraSchemas: [],
    extraAllowed: false,
    enums: [],
    groups: [],
  };
}

/** One view of a conjunction of schemas: `$ref`s followed, `allOf` parts folded in. */
function flatten(doc: JsonObject, schemas: unknown[], into: Flat = emptyFlat(), hops = 0): Flat {
  for (const raw of schemas) {
    const s = deref(doc, raw);
    if (!isObject(s) || hops > MAX_DEPTH) continue;
    if (typeof s.type === "string") into.types.push([s.type]);
    else if (Array.isArray(s.type)) into.types.push(s.type.filter((t): t is string => typeof t === "string"));
    if (isObject(s.properties)) {
      into.hasProps = true;
      for (const [name, prop] of Object.entries(s.properties)) {
        const list = into.props.get(name) ?? [];
        list.push(prop);
        into.props.set(name, list);
      }
    }
    if (Array.isArray(s.required))
      for (const r of s.required) if (typeof r === "string") into.required.add(r);
    if (isObject(s.items)) into.items.push(s.items);
    else if (Array.isArray(s.items)) into.items.push(...s.items.slice(0, 1));
    if (s.additionalProperties === true) into.extraAllowed = true;
    else if (isObject(s.additionalProperties)) {
      if (Object.keys(s.additionalProperties).length === 0) into.extraAllowed = true;
      else into.extraSchemas.push(s.additionalProperties);
    }
    if (Array.isArray(s.enum)) into.enums.push(s.enum);
    if (Array.isArray(s.allOf)) flatten(doc, s.allOf, into, hops + 1);
    if (Array.isArray(s.anyOf)) into.groups.push(s.anyOf);
    if (Array.isArray(s.oneOf)) into.groups.push(s.oneOf);
  }
  return into;
}

function merge(a: Flat, b: Flat): Flat {
  const props = new Map(a.props);
  for (const [name, list] of b.props) props.set(name, [...(props.get(name) ?? []), ...list]);
  return {
    types: [...a.types, ...b.types],
    props,
    hasProps: a.hasProps || b.hasProps,
    required: new Set([...a.required, ...b.required]),
    items: [...a.items, ...b.items],
    extraSchemas: [...a.extraSchemas, ...b.extraSchemas],
    extraAllowed: a.extraAllowed || b.extraAllowed,
    enums: [...a.enums, ...b.enums],
    groups: [...a.groups, ...b.groups],
  };
}

function typeAllows(allowed: string[], value: unknown): boolean {
  const t = jsonType(value);
  if (allowed.includes(t)) return true;
  return t === "number" && allowed.includes("integer") && Number.isInteger(value);
}

function describeTypes(types: string[]): string {
  const unique = [...new Set(types)];
  // "null" last reads better: "string or null".
  unique.sort((x, y) => Number(x === "null") - Number(y === "null"));
  return unique.join(" or ");
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function dedupe(list: Mismatch[]): Mismatch[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = JSON.stringify(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
