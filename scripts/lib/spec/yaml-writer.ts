// Stable YAML text: no line folding, no anchors/aliases for objects that appear twice (both media
// types point at one schema object), keys in insertion order (the emitter orders them).
// Example values are written in flow style (one JSON-like line): block style made them most of the file.
import { Document, isMap, isPair, isScalar, isSeq, visit } from "yaml";

export function toYaml(value: unknown): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_key, pair) {
      if (!isPair(pair) || !isScalar(pair.key)) return;
      const name = pair.key.value;
      if (
        (name === "example" || name === "x-altegio-vendor-example") &&
        (isMap(pair.value) || isSeq(pair.value))
      ) {
        pair.value.flow = true;
      }
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indent: 2, indentSeq: true });
}
