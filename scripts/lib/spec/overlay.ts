// Applies an OpenAPI Overlay 1.0 document (spec/corrections.overlay.yaml) to the OpenAPI document.
// `update` deep-merges objects (arrays and scalars are replaced, as the Overlay spec's merge does for
// non-objects; an update on an array target appends); `remove: true` deletes the matched nodes.
// An action that matches nothing is an error: a correction that silently stops applying is a bug.
import { parse } from "yaml";
import { isRecord } from "../../../src/internal/is-record.js";
import { query } from "./jsonpath.js";

export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

export interface Overlay {
  overlay: string;
  info: { title: string; version: string };
  actions: OverlayAction[];
}

export function parseOverlay(text: string): Overlay {
  const overlay = parse(text) as Overlay;
  if (overlay?.overlay !== "1.0.0" || !Array.isArray(overlay.actions)) {
    throw new Error("corrections overlay: expected `overlay: 1.0.0` and an `actions` list");
  }
  return overlay;
}

export function applyOverlay(doc: Record<string, unknown>, overlay: Overlay): void {
  overlay.actions.forEach((action, k) => {
    const matches = query(doc, action.target);
    if (matches.length === 0) {
      throw new Error(`overlay action ${k + 1} (${action.target}) matches nothing`);
    }
    if (action.remove) {
      // Delete array elements highest index first, so the indexes still to delete stay valid
      // (RFC 9535 returns nodes in selector order, not index order: `[2,0]`, `..`).
      const ordered = [...matches].sort((a, b) =>
        typeof a.key === "number" && typeof b.key === "number" ? b.key - a.key : 0,
      );
      for (const match of ordered) {
        if (Array.isArray(match.parent) && typeof match.key === "number") match.parent.splice(match.key, 1);
        else if (match.parent && typeof match.key === "string")
          delete (match.parent as Record<string, unknown>)[match.key];
      }
      return;
    }
    if (action.update === undefined) throw new Error(`overlay action ${k + 1}: neither update nor remove`);
    for (const match of matches) {
      if (Array.isArray(match.value)) match.value.push(structuredClone(action.update));
      else if (isRecord(match.value) && isRecord(action.update)) merge(match.value, action.update);
      else
        throw new Error(
          `overlay action ${k + 1} (${action.target}): update target is not an object or array`,
        );
    }
  });
}

function merge(target: Record<string, unknown>, update: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(update)) {
    const existing = target[key];
    if (isRecord(existing) && isRecord(value)) merge(existing, value);
    else target[key] = structuredClone(value);
  }
}
