// The converter step that makes openapi.yaml describe the running API where the evidence
// (spec/evidence/responses) and the pages' own sentences show it differs from the pages' types.
// Runs after the vendor catalog and the overlay (the running API outranks both), before the
// envelopes are wrapped. Rules, each a general one, each change marked on its node (mark.ts):
// - pages: "(object,array)" / "… or empty array" objects admit [] (empty-array.ts); "null if …",
//   "or null" fields are nullable (nullability.ts);
// - evidence, per recorded body held against its operation and status: a documented object that
//   arrives as [] admits [] (and so does every response property of that name: PHP's serializer
//   does this everywhere); a typed field that arrives null is nullable (and so is every field with
//   the same name and description: the same documented field on other pages); a scalar of another
//   scalar type (an id as a string) adds that type; a field the page omits is typed as recorded.

import {
  allowEmptyArray,
  emptyArrayFromPages,
  forEachResponseProperty,
  isPlainObject,
} from "./empty-array.js";
import type { Evidence } from "./files.js";
import { WEBHOOK } from "./files.js";
import { mark } from "./mark.js";
import { findOperation } from "./match.js";
import { makeNullable, nullableFromPages } from "./nullability.js";
import { shapeFromEvidence } from "./shapes.js";
import { admits, jsonType, resolveRef, walk } from "./walk.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const METHODS = ["get", "put", "post", "delete", "patch"] as const;

export interface CorrectionReport {
  emptyArrayFromPages: number;
  nullableFromPages: number;
  emptyArray: number;
  nullable: number;
  scalarType: number;
  undeclaredField: number;
  /** Statuses and body shapes taken from recordings (shapes.ts), one line each. */
  shapes: string[];
}

export function applyEvidenceCorrections(doc: Obj, evidence: Evidence[]): CorrectionReport {
  const schemas = ((doc.components as Obj).schemas ?? {}) as Record<string, Obj>;
  const report: CorrectionReport = {
    emptyArrayFromPages: emptyArrayFromPages(schemas),
    nullableFromPages: nullableFromPages(schemas),
    emptyArray: 0,
    nullable: 0,
    scalarType: 0,
    undeclaredField: 0,
    shapes: [],
  };
  const emptyNames = new Map<string, string>();
  const nullFields = new Map<string, string>();
  for (const e of evidence) {
    const shape = shapeFromEvidence(doc, e);
    if (shape) report.shapes.push(shape);
  }
  // Twice: a field declared from one item in the first pass meets the items where it is null in the second.
  for (const e of [...evidence, ...evidence]) {
    const schema = bodySchema(doc, e);
    if (!schema) continue;
    // Data-only recordings are walked as an envelope holding just `data`.
    const value = e.data_item ? { data: [e.body] } : e.data_only ? { data: e.body } : e.body;
    const file = `evidence ${e.file}`;
    walk(
      doc,
      schema,
      value,
      (node, v, at) => {
        const name = at.split("/").at(-1) ?? "";
        if (Array.isArray(v) && v.length === 0 && isPlainObject(node)) {
          if (allowEmptyArray(node, file)) report.emptyArray++;
          if (!/^\d*$/.test(name)) emptyNames.set(name, file);
        } else if (v === null && !admitsNull(doc, node)) {
          if (makeNullable(node, file)) report.nullable++;
          if (typeof node.description === "string" && node.description !== "")
            nullFields.set(`${name}\u0000${node.description}`, file);
        } else if (
          isScalar(v) &&
          typeof node.type === "string" &&
          isScalarType(node.type) &&
          !admits(node, v)
        ) {
          if (widen(node, jsonType(v), file)) report.scalarType++;
        }
        if (isObj(v) && isObj(node.properties) && !node.additionalProperties) {
          for (const [key, item] of Object.entries(v)) {
            // Numeric keys are PHP list indexes or maps (`working_days` by month), not fields.
            if (key in node.properties || /^\d+$/.test(key) || item === null) continue;
            (node.properties as Obj)[key] = {
              ...schemaOf(item),
              "x-altegio-correction": "undeclared-field",
              "x-altegio-evidence": file,
            };
            report.undeclaredField++;
          }
        }
      },
      "",
      0,
    );
  }
  forEachResponseProperty(schemas, (node, name) => {
    const fromEmpty = emptyNames.get(name);
    if (fromEmpty && isPlainObject(node) && allowEmptyArray(node, `${fromEmpty} (same field name)`))
      report.emptyArray++;
    const fromNull =
      typeof node.description === "string" ? nullFields.get(`${name}\u0000${node.description}`) : undefined;
    if (fromNull && makeNullable(node, `${fromNull} (same documented field)`)) report.nullable++;
  });
  return report;
}

/** Typed nodes and anyOf nodes say whether null is admitted; others (no type) admit it. */
function admitsNull(doc: Obj, node: Obj): boolean {
  if (node.nullable === true) return true;
  if (typeof node.type === "string") return false;
  if (!Array.isArray(node.anyOf)) return true;
  return node.anyOf.some((b) => {
    const branch = resolveRef(doc, b);
    return !branch || admitsNull(doc, branch);
  });
}

const isScalar = (v: unknown): boolean => ["string", "number", "boolean"].includes(typeof v);
const isScalarType = (t: string): boolean => ["string", "number", "integer", "boolean"].includes(t);

/** `type: T` becomes `anyOf: [{type: T}, {type: observed}]`, the documented type first. */
function widen(node: Obj, observed: string, evidence: string): boolean {
  const documented: Obj = { type: node.type };
  for (const key of ["format", "enum", "minimum", "maximum", "pattern"]) {
    if (node[key] !== undefined) {
      documented[key] = node[key];
      delete node[key];
    }
  }
  delete node.type;
  node.anyOf = [documented, { type: observed }];
  return mark(node, "scalar-type", evidence);
}

function schemaOf(value: unknown): Obj {
  if (Array.isArray(value)) {
    const first = value.find((v) => v !== null);
    return { type: "array", items: first === undefined ? {} : schemaOf(first) };
  }
  if (isObj(value)) {
    const properties: Obj = {};
    for (const [k, v] of Object.entries(value))
      if (v !== null && !/^\d+$/.test(k)) properties[k] = schemaOf(v);
    return { type: "object", properties };
  }
  return { type: jsonType(value) };
}

/** The response schema a recording is held against, in the raw document. */
function bodySchema(doc: Obj, e: Evidence): Obj | undefined {
  const found = operationOf(doc, e);
  if (!found) return undefined;
  const responses = (found.responses ?? {}) as Record<string, Obj>;
  const status = e.status !== null ? String(e.status) : Object.keys(responses).find((s) => /^2\d\d$/.test(s));
  const response = status ? responses[status] : undefined;
  const content = (response?.content ?? {}) as Record<string, Obj>;
  return (content["application/json"] ?? Object.values(content)[0])?.schema as Obj | undefined;
}

export function operationOf(doc: Obj, e: Evidence): Obj | undefined {
  if (e.method === WEBHOOK) return undefined;
  const ops: { id: string; method: (typeof METHODS)[number]; path: string; op: Obj }[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Obj>))
    for (const method of METHODS) {
      const op = item[method];
      if (isObj(op)) ops.push({ id: String(op.operationId), method, path, op });
    }
  return findOperation(ops, e.method, e.path)?.op;
}
