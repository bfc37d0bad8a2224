// Stable YAML text: no line folding, no anchors/aliases for objects that appear twice (both media
// types point at one schema object), keys in insertion order (the emitter orders them).
import { Document } from "yaml";

export function toYaml(value: unknown): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indent: 2, indentSeq: true });
}
