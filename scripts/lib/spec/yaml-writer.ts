// Stable YAML text: no line folding, no anchors/aliases for objects that appear twice (both media
// types point at one schema object), keys in insertion order (the emitter orders them).
// Example values are written in flow style with double-quoted strings, i.e. as JSON on one line:
// block style made them most of the file, and plain scalars such as URLs inside flow collections
// trip older YAML parsers (Dredd's).
import { Document, isMap, isPair, isScalar, isSeq, Scalar, visit } from "yaml";

export function toYaml(value: unknown): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_key, pair) {
      if (!isPair(pair) || !isScalar(pair.key)) return;
      const name = pair.key.value;
      const example = name === "example" || name === "x-altegio-vendor-example";
      if (!example || !(isMap(pair.value) || isSeq(pair.value))) return;
      pair.value.flow = true;
      visit(pair.value, {
        Scalar(_k, scalar) {
          if (typeof scalar.value === "string") scalar.type = Scalar.QUOTE_DOUBLE;
        },
      });
      return visit.SKIP;
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indent: 2, indentSeq: true });
}
