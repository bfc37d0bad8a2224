// The entity pass (issue 10), the last step on the built document: for each entity of the table,
// the component is the union of the schemas every listed site documents (union.ts), and each site
// becomes a `$ref` to it. A site that requires more than the union does (a field one page marks
// required and another does not) keeps its own required-ness: `allOf: [$ref, {required…}]`. So no
// field of any page is lost, and every type a page gives is still admitted.
import type { Schema } from "../schema-builder.js";
import {
  componentName,
  type Doc,
  operationsById,
  parseSite,
  resolveSite,
  type Site,
  type Slot,
  siteText,
  slotSchema,
} from "./sites.js";
import { ENTITIES, type EntitySpec, METAS } from "./table.js";
import { union } from "./union.js";

export interface EntityReport {
  /** Component name → the sites merged into it. */
  entities: Map<string, string[]>;
  /** Sites of the table that the document does not have (only when not strict). */
  missing: string[];
}

export interface EntityPassOptions {
  /** Throw on a site the document does not have (the reconstructed spec); else report it (a pulled bundle). */
  strict?: boolean;
  table?: EntitySpec[];
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/**
 * A page's markers on the schema at a site (a correction's kind and evidence, the vendor's type,
 * example or required-ness it replaced, a recorded choice): they describe that site, so they stay
 * on it, not on the entity.
 */
const SITE_MARKERS = [
  "x-altegio-correction",
  "x-altegio-evidence",
  "x-altegio-vendor-type",
  "x-altegio-vendor-example",
  "x-altegio-vendor-required",
  "x-altegio-choice",
];

export function applyEntities(doc: Doc, options: EntityPassOptions = {}): EntityReport {
  const { strict = true, table = ENTITIES } = options;
  const report: EntityReport = { entities: new Map(), missing: [] };
  const ops = operationsById(doc);
  const released = new Set<string>();
  for (const entity of table) {
    const groups: [string, string[] | undefined, string][] = [
      [entity.name, entity.returns, ""],
      [`${entity.name}Input`, entity.input, "Request body creating"],
      [`${entity.name}Update`, entity.update, "Request body updating"],
    ];
    for (const [name, sites, role] of groups) {
      if (!sites || sites.length === 0) continue;
      const slots: Slot[] = [];
      const merged: string[] = [];
      for (const text of sites) {
        const site = parseSite(text);
        const found = locate(doc, ops, site);
        if (found.length === 0) {
          const problem = `entities: ${name}: ${siteText(site)}: no object schema there`;
          if (strict) throw new Error(`${problem} (fix scripts/lib/spec/entities/table.ts)`);
          report.missing.push(problem);
          continue;
        }
        slots.push(...found);
        merged.push(siteText(site));
      }
      if (slots.length === 0) continue;
      for (const slot of slots) {
        const old = componentName(slot.holder[slot.key]);
        if (old) released.add(old);
      }
      const described =
        role === "" ? entity.description : `${role} ${article(entity.name)} (${entity.description})`;
      replaceSlots(
        doc,
        name,
        described,
        { ...(entity.alias ? { alias: entity.alias } : {}), sites: merged },
        slots,
      );
      report.entities.set(name, merged);
    }
  }
  for (const meta of METAS) {
    const slots: Slot[] = [];
    for (const [operationId, op] of ops) {
      const site: Site = { operationId, body: "2xx", path: ["meta"] };
      for (const slot of resolveSite(doc, op, site, true)) {
        if (!componentName(slot.holder[slot.key]) && meta.matches(slotSchema(doc, slot))) slots.push(slot);
      }
    }
    if (slots.length > 0) {
      replaceSlots(doc, meta.name, meta.description, {}, slots);
      alignPropertyExamples(doc.components.schemas[meta.name] as Schema);
    }
    report.entities.set(meta.name, [...new Set(slots.map((s) => s.where))]);
  }
  dropUnreferenced(doc, released);
  doc.components.schemas = Object.fromEntries(
    Object.keys(doc.components.schemas)
      .sort()
      .map((k) => [k, doc.components.schemas[k] as Schema]),
  );
  return report;
}

/** Writes the union of the slots' schemas as component `name` and points every slot at it. */
function replaceSlots(
  doc: Doc,
  name: string,
  description: string,
  entity: { alias?: string; sites?: string[] },
  slots: Slot[],
): void {
  const schemas = slots.map((slot) => slotSchema(doc, slot));
  const derived = schemas.slice(1).reduce((acc, s) => union(acc, s), structuredClone(schemas[0] as Schema));
  const component: Schema = { ...derived, description, "x-altegio-entity": entity };
  // A source marker (`x-altegio-docs: yclients-blueprint`) holds for the component only when it
  // holds for every site; the sites' operations say where each came from.
  const docs = new Set(schemas.map((s) => JSON.stringify(s["x-altegio-docs"] ?? null)));
  if (docs.size > 1) delete component["x-altegio-docs"];
  for (const key of SITE_MARKERS) delete component[key];
  // Mocks answer a `$ref` with the component's example: the richest page's (most top-level keys).
  const examples = schemas.map((s) => s.example).filter((e) => e !== undefined);
  const richest = examples.reduce<unknown>((best, e) => (size(e) > size(best) ? e : best), examples[0]);
  if (richest !== undefined) component.example = richest;
  doc.components.schemas[name] = component;
  for (const [k, slot] of slots.entries()) {
    const site = schemas[k] as Schema;
    const extra = requiredSkeleton(site, component);
    // The page's own description and example stay on the operation: mocks answer with that example.
    const notes: Schema = {};
    if (site.description !== undefined && site.description !== component.description)
      notes.description = site.description;
    // Even when it equals the component's: the site stays a wrapper carrying the page's own
    // example, so the mock keeps answering this page's body (as a bare `$ref`, Prism answered
    // get_loyalty_card_list_by_client_id with a body Dredd refused).
    if (site.example !== undefined) notes.example = site.example;
    for (const key of SITE_MARKERS) if (site[key] !== undefined) notes[key] = site[key];
    slot.holder[slot.key] =
      extra || Object.keys(notes).length > 0
        ? { allOf: [ref(name), ...(extra ? [extra] : [])], ...notes }
        : ref(name);
  }
}

const size = (value: unknown): number =>
  value !== null && typeof value === "object" ? Object.keys(value).length : value === undefined ? -1 : 0;

function article(name: string): string {
  return /^[AEIOU]/.test(name) ? `an ${name}` : `a ${name}`;
}

/**
 * The site's slots. A response whose whole body is the entity (`2xx .`) keeps its page component,
 * which becomes the reference (every response body stays one `$ref` under both media types, and
 * the page's example stays the mocks' answer); a whole request body is replaced by `…Input`.
 */
function locate(doc: Doc, ops: Map<string, Schema>, site: Site): Slot[] {
  const op = ops.get(site.operationId);
  if (!op) return [];
  const out: Slot[] = [];
  for (const slot of resolveSite(doc, op, site)) {
    const name = componentName(slot.holder[slot.key]);
    const page = name && site.body !== "request" ? doc.components.schemas[name] : undefined;
    const found: Slot =
      page && !page["x-altegio-entity"]
        ? { holder: doc.components.schemas, key: name ?? "", where: slot.where }
        : slot;
    if (!out.some((o) => o.holder === found.holder && o.key === found.key)) out.push(found);
  }
  return out;
}

/**
 * The required-ness a site has beyond the entity's (which requires only what every site does):
 * `{required, properties: {x: {required}}, items: …}`, or undefined when there is none.
 */
export function requiredSkeleton(site: Schema, entity: Schema | undefined): Schema | undefined {
  if (!site || typeof site !== "object") return undefined;
  const out: Schema = {};
  const own = (site.required as string[] | undefined) ?? [];
  const theirs = (entity?.required as string[] | undefined) ?? [];
  const extra = own.filter((k) => !theirs.includes(k));
  if (extra.length > 0) out.required = extra;
  const props: Record<string, Schema> = {};
  for (const [key, child] of Object.entries((site.properties ?? {}) as Record<string, Schema>)) {
    const sub = requiredSkeleton(
      child,
      objectView(entity, (e) => (e.properties as Record<string, Schema>)?.[key]),
    );
    if (sub) props[key] = sub;
  }
  if (Object.keys(props).length > 0) out.properties = props;
  if (site.items) {
    const sub = requiredSkeleton(
      site.items as Schema,
      objectView(entity, (e) => e.items as Schema),
    );
    if (sub) out.items = sub;
  }
  for (const [i, branch] of ((site.anyOf ?? []) as Schema[]).entries()) {
    // One-of variant blocks keep their branches in order (matched by title in the union).
    const match = ((entity?.anyOf ?? []) as Schema[]).find(
      (b) => b.title !== undefined && b.title === branch.title,
    );
    const sub = requiredSkeleton(branch, match);
    if (sub)
      throw new Error(
        `entities: required-ness inside anyOf branch ${i} (${String(branch.title)}) differs between sites`,
      );
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A child of the entity's schema, looking through its anyOf branches (types merged from several pages). */
function objectView(entity: Schema | undefined, pick: (e: Schema) => Schema | undefined): Schema | undefined {
  if (!entity) return undefined;
  const direct = pick(entity);
  if (direct) return direct;
  for (const branch of (entity.anyOf ?? []) as Schema[]) {
    const found = pick(branch);
    if (found) return found;
  }
  return undefined;
}

/** Removes the page components an entity replaced (request bodies) once nothing refers to them. */
function dropUnreferenced(doc: Doc, candidates: Set<string>): void {
  if (candidates.size === 0) return;
  const text = JSON.stringify({ paths: doc.paths, components: doc.components });
  for (const name of candidates) {
    if (!text.includes(`"#/components/schemas/${name}"`)) delete doc.components.schemas[name];
  }
}

/**
 * A shared meta's fields take their examples from the component's example (the richest page's):
 * Prism builds a `$ref` inside an allOf from the properties' examples, and the union kept the
 * first page's (a paged list answered `total_count: 1`, from the certificate types page).
 */
function alignPropertyExamples(component: Schema): void {
  const example = component.example;
  if (example === null || typeof example !== "object" || Array.isArray(example)) return;
  const objects = [component, ...((component.anyOf ?? []) as Schema[])].filter((b) => b.properties);
  for (const branch of objects)
    for (const [key, property] of Object.entries(branch.properties as Record<string, Schema>)) {
      const value = (example as Record<string, unknown>)[key];
      if (value !== undefined) property.example = value;
    }
}
