/**
 * Which operations a run calls, in which order, and where each parameter value comes from:
 * the location given, a list answer (./discovery-rules.ts), the first documented enum value, or
 * a date around today. Only required parameters are sent. An operation whose values cannot all
 * come from somewhere is not called; the plan says why.
 */
import { DISCOVERY_RULES, type DiscoveryRule, LOCATION_PARAMS, LOCATION_PROBE } from "./discovery-rules.js";
import { isObject, type Json, type JsonObject } from "./json.js";
import type { SpecOperation } from "./operations.js";
import { deref } from "./spec-document.js";

export type Source =
  | { kind: "location" }
  | { kind: "list"; rule: DiscoveryRule }
  | { kind: "enum"; value: Json }
  | { kind: "date"; daysAgo: number; dateTime: boolean };

export interface ParamPlan {
  name: string;
  in: "path" | "query" | "body";
  /** The parameter's schema says number/integer: a discovered value is sent as a number. */
  numeric: boolean;
  source: Source;
}

export interface PlannedCall {
  op: SpecOperation;
  /** Called only because another call needs an id from its answer (`--only` left it out). */
  forDiscovery: boolean;
  params: ParamPlan[];
}

export interface NotPlanned {
  op: SpecOperation;
  why: string;
}

export interface Plan {
  calls: PlannedCall[];
  notPlanned: NotPlanned[];
}

export interface PlanOptions {
  /** Tags to keep (undefined: all). */
  only?: ReadonlySet<string> | undefined;
  includeSearch: boolean;
  hasUserToken: boolean;
}

/** May the verifier call it at all? (undefined = yes; else why not). */
export function refusal(op: SpecOperation, includeSearch: boolean): string | undefined {
  if (op.method === "get")
    return op.readOnly === false ? "the spec marks it x-altegio-read-only: false" : undefined;
  if (op.readOnly !== true) return "not read-only";
  return includeSearch ? undefined : "a read-only POST (search): pass --include-search";
}

export function planRun(doc: JsonObject, ops: readonly SpecOperation[], options: PlanOptions): Plan {
  const byKey = new Map(ops.map((op) => [op.key, op]));
  const planned = new Map<string, PlannedCall | NotPlanned>();

  const planOne = (
    op: SpecOperation,
    forDiscovery: boolean,
    stack: Set<string>,
  ): PlannedCall | NotPlanned => {
    const hit = planned.get(op.key);
    if (hit) {
      if ("params" in hit && !forDiscovery) hit.forDiscovery = false;
      return hit;
    }
    const fail = (why: string): NotPlanned => {
      const result = { op, why };
      planned.set(op.key, result);
      return result;
    };
    const refused = refusal(op, options.includeSearch);
    if (refused) return fail(refused);
    if (op.needsUser && !options.hasUserToken) return fail("needs the user token (ALTEGIO_USER_TOKEN)");
    if (op.success?.schema === undefined) return fail("the spec documents no JSON success body");
    const wanted = [
      ...op.parameters
        .filter((p) => p.in === "path" || (p.in === "query" && p.required))
        .map((p) => ({ name: p.name, in: p.in as "path" | "query", schema: p.schema })),
      ...(op.requestBody ? bodyFields(doc, op.requestBody.schema) : []),
    ];
    const params: ParamPlan[] = [];
    for (const w of wanted) {
      const source = sourceFor(op, w.name, w.schema);
      if (!source) return fail(`no way to discover ${w.in} parameter ${w.name}`);
      if (source.kind === "list") {
        const provider = byKey.get(source.rule.from);
        if (!provider) return fail(`${w.name} comes from ${source.rule.from}, which the spec no longer has`);
        if (stack.has(provider.key)) return fail(`${w.name}: circular discovery through ${provider.key}`);
        const sub = planOne(provider, true, new Set([...stack, op.key]));
        if (!("params" in sub))
          return fail(`${w.name} comes from ${provider.key}, which is not called (${sub.why})`);
      }
      params.push({ name: w.name, in: w.in, numeric: isNumeric(w.schema), source });
    }
    const call: PlannedCall = { op, forDiscovery, params };
    planned.set(op.key, call);
    return call;
  };

  const probe = byKey.get(LOCATION_PROBE);
  if (probe) planOne(probe, true, new Set());
  for (const op of ops) {
    if (options.only && !options.only.has(op.tag)) continue;
    if (op.method === "post" && op.readOnly !== true) continue;
    planOne(op, false, new Set());
  }
  // Map insertion order already puts every provider before its first dependant.
  const calls: PlannedCall[] = [];
  const notPlanned: NotPlanned[] = [];
  for (const entry of planned.values()) {
    if ("params" in entry) calls.push(entry);
    else if (!options.only || options.only.has(entry.op.tag)) notPlanned.push(entry);
  }
  return { calls, notPlanned };
}

function sourceFor(op: SpecOperation, name: string, schema: JsonObject): Source | undefined {
  if (LOCATION_PARAMS.has(name)) return { kind: "location" };
  const rule = DISCOVERY_RULES.find((r) => r.param === name && (!r.path || r.path.test(op.path)));
  if (rule) return { kind: "list", rule };
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return { kind: "enum", value: schema.enum[0] ?? null };
  const date = dateSource(name, schema);
  return date;
}

const DATE_NAME = /(^|_)(date|from|till|after|before|start|end|to)(_|$)/;
const END_NAME = /(^|_)(till|before|end|to)(_|$)/;

/** `date_from`/`from`/`created_after`/`start_date`: 30 days ago; `date_to`/`till`/`end_date`/`date`: today. */
function dateSource(name: string, schema: JsonObject): Source | undefined {
  const format = typeof schema.format === "string" ? schema.format : "";
  if (!DATE_NAME.test(name) && format !== "date" && format !== "date-time") return undefined;
  if (!(schema.type === "string" || schema.type === undefined || format)) return undefined;
  const example = typeof schema.example === "string" ? schema.example : "";
  const dateTime = format === "date-time" || /\d{4}-\d\d-\d\dT/.test(example);
  const daysAgo = END_NAME.test(name) || name === "date" ? 0 : 30;
  return { kind: "date", daysAgo, dateTime };
}

function isNumeric(schema: JsonObject): boolean {
  const t = schema.type;
  return (
    t === "number" || t === "integer" || (Array.isArray(t) && (t.includes("number") || t.includes("integer")))
  );
}

/**
 * The body fields a read-only POST needs: its required properties, and of an anyOf/oneOf of
 * `required` lists the first one that every field of can be filled.
 */
function bodyFields(doc: JsonObject, schema: JsonObject): { name: string; in: "body"; schema: JsonObject }[] {
  const root = deref(doc, schema);
  if (!isObject(root)) return [];
  const props = isObject(root.properties) ? root.properties : {};
  const field = (name: string) => ({ name, in: "body" as const, schema: asObject(deref(doc, props[name])) });
  const required = Array.isArray(root.required)
    ? root.required.filter((r): r is string => typeof r === "string")
    : [];
  const alternatives = [...asArray(root.anyOf), ...asArray(root.oneOf)]
    .map((alt) => deref(doc, alt))
    .filter(isObject)
    .map((alt) =>
      Array.isArray(alt.required) ? alt.required.filter((r): r is string => typeof r === "string") : [],
    );
  const fillable = (name: string) =>
    LOCATION_PARAMS.has(name) || DISCOVERY_RULES.some((r) => r.param === name && !r.path);
  const chosen = alternatives.find((names) => names.every(fillable)) ?? alternatives[0] ?? [];
  return [...new Set([...required, ...chosen])].map(field);
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asObject = (v: unknown): JsonObject => (isObject(v) ? v : {});
