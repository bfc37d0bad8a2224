// Where an entity sits in the built document: a site names an operation (by operationId, so the
// pass does not depend on paths or component names), a body (`request`, a status, or `2xx` for
// every success) and a dotted location in it (`data`, `data.records`; empty = the whole body).
// The entity is the object found there, or the items of the array found there; anyOf branches
// (a nullable or PHP-empty-array alternative added by a correction) are looked through.
import type { Schema } from "../schema-builder.js";

export interface Site {
  operationId: string;
  /** `request`, a status code, or `2xx`. */
  body: string;
  /** Dotted property names from the body (its page schema, inside any envelope `allOf`). */
  path: string[];
}

/** A place holding one schema of the entity: `holder[key]` (an object property, items, a branch). */
export interface Slot {
  holder: Record<string | number, unknown>;
  key: string | number;
  /** `operationId body path`, for reports and errors. */
  where: string;
}

/** An array of branches holds schemas by index like an object by key. */
const asHolder = (list: unknown[]): Slot["holder"] => list as unknown as Slot["holder"];

export const SHARED_ENVELOPES = new Set(["Envelope", "ErrorEnvelope", "ErrorsEnvelope"]);
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const REF = "#/components/schemas/";

/** `"get_location"` (its 2xx `data`), `"get_visit 200 data.records"`, `"create_location request"`. */
export function parseSite(text: string): Site {
  const [operationId = "", body = "2xx", path] = text.trim().split(/\s+/);
  const defaultPath = body === "request" ? "" : "data";
  const dotted = path ?? defaultPath;
  return { operationId, body, path: dotted === "" || dotted === "." ? [] : dotted.split(".") };
}

export const siteText = (site: Site): string =>
  [site.operationId, site.body, site.path.join(".") || "."].join(" ");

export type Doc = Record<string, unknown> & {
  paths: Record<string, Record<string, Schema>>;
  components: { schemas: Record<string, Schema> };
};

/** Every operation by operationId, callbacks included. */
export function operationsById(doc: Doc): Map<string, Schema> {
  const out = new Map<string, Schema>();
  const visit = (paths: Record<string, unknown>): void => {
    for (const item of Object.values(paths)) {
      for (const method of METHODS) {
        const op = (item as Record<string, Schema>)[method];
        if (!op) continue;
        if (typeof op.operationId === "string") out.set(op.operationId, op);
        for (const cb of Object.values((op.callbacks ?? {}) as Record<string, Record<string, unknown>>))
          visit(cb);
      }
    }
  };
  visit(doc.paths);
  return out;
}

export function componentName(schema: unknown): string | undefined {
  const ref = (schema as Schema | undefined)?.$ref;
  return typeof ref === "string" && ref.startsWith(REF) ? ref.slice(REF.length) : undefined;
}

/** The media-type objects of the site's bodies (`{schema}` holders). */
export function bodyHolders(op: Schema, site: Site): Schema[] {
  const bodies: Schema[] = [];
  if (site.body === "request") {
    if (op.requestBody) bodies.push(op.requestBody as Schema);
  } else {
    for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, Schema>)) {
      if (site.body === status || (site.body === "2xx" && /^2\d\d$/.test(status))) bodies.push(response);
    }
  }
  const holders: Schema[] = [];
  for (const body of bodies) {
    for (const media of Object.values((body.content ?? {}) as Record<string, Schema>)) {
      if (media.schema) holders.push(media);
    }
  }
  return holders;
}

/** Where properties of a schema are declared: itself, its allOf parts (not a shared envelope), its anyOf branches. */
function views(doc: Doc, slot: Slot): Slot[] {
  const node = slot.holder[slot.key] as Schema | undefined;
  if (!node || typeof node !== "object") return [];
  const name = componentName(node);
  if (name) {
    if (SHARED_ENVELOPES.has(name) || !doc.components.schemas[name]) return [];
    return views(doc, { holder: doc.components.schemas, key: name, where: slot.where });
  }
  const out: Slot[] = [slot];
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const parts = node[key];
    if (!Array.isArray(parts)) continue;
    for (const i of parts.keys())
      out.push(...views(doc, { holder: asHolder(parts), key: i, where: slot.where }));
  }
  return out;
}

/** The entity schemas at a location: an object there, the items of an array there, through anyOf branches. */
function entitySlots(doc: Doc, slot: Slot): Slot[] {
  const node = slot.holder[slot.key] as Schema | undefined;
  if (!node || typeof node !== "object") return [];
  if (componentName(node)) {
    const name = componentName(node) ?? "";
    if (SHARED_ENVELOPES.has(name)) return [];
    // A page component that is a list (a request body of several days): the entity is its items.
    const target = doc.components.schemas[name];
    if (target?.type === "array" && !target["x-altegio-entity"])
      return entitySlots(doc, { holder: doc.components.schemas, key: name, where: slot.where });
    return [slot];
  }
  if (node.type === "array" || (node.items && !node.properties))
    return entitySlots(doc, { holder: node, key: "items", where: slot.where });
  if (node.properties) return [slot];
  if (Array.isArray(node.anyOf) && !node["x-altegio-one-of"]) {
    const branches = node.anyOf as Schema[];
    return branches.flatMap((_, i) =>
      entitySlots(doc, { holder: asHolder(branches), key: i, where: slot.where }),
    );
  }
  return [];
}

/**
 * Every slot of the site; empty when the document has nothing there. `whole`: the schema at the
 * location itself (a `meta`), not the object or items found there.
 */
export function resolveSite(doc: Doc, op: Schema, site: Site, whole = false): Slot[] {
  const where = siteText(site);
  const out: Slot[] = [];
  for (const media of bodyHolders(op, site)) {
    let current: Slot[] = [{ holder: media, key: "schema", where }];
    for (const name of site.path) {
      const next: Slot[] = [];
      for (const slot of current) {
        for (const view of views(doc, slot)) {
          const node = view.holder[view.key] as Schema;
          const props = node.properties as Record<string, Schema> | undefined;
          if (props?.[name]) next.push({ holder: props, key: name, where });
          const items = node.items as Schema | undefined;
          const itemProps = items?.properties as Record<string, Schema> | undefined;
          if (itemProps?.[name]) next.push({ holder: itemProps, key: name, where });
        }
      }
      current = next;
    }
    for (const slot of current) {
      // The whole request body is a component: the slot is the media type's schema reference.
      for (const found of whole ? [slot] : entitySlots(doc, slot)) {
        if (!out.some((o) => o.holder === found.holder && o.key === found.key)) out.push(found);
      }
    }
  }
  return out;
}

/** The schema at a slot, through a component reference. */
export function slotSchema(doc: Doc, slot: Slot): Schema {
  let node = slot.holder[slot.key] as Schema;
  for (let hops = 0; componentName(node) && hops < 10; hops++) {
    node = doc.components.schemas[componentName(node) ?? ""] as Schema;
  }
  return node;
}
