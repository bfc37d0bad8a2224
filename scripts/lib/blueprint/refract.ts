// Minimal typed view of API Elements (refract) JSON as drafter.js returns it. Only the parts
// the blueprint reader needs; everything else stays `unknown`.
export interface RefractElement {
  element: string;
  meta?: Record<string, RefractElement | undefined>;
  attributes?: Record<string, RefractElement | undefined>;
  content?: unknown;
}

export interface RefractMember {
  key: RefractElement;
  value?: RefractElement;
}

export function isElement(value: unknown): value is RefractElement {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { element?: unknown }).element === "string"
  );
}

/** Child elements when `content` is an array of elements (categories, objects, arrays…). */
export function childElements(element: RefractElement): RefractElement[] {
  return Array.isArray(element.content) ? element.content.filter(isElement) : [];
}

export function stringValue(element: RefractElement | undefined): string | undefined {
  return element !== undefined && typeof element.content === "string" ? element.content : undefined;
}

export function memberOf(element: RefractElement): RefractMember | undefined {
  const content = element.content as { key?: unknown; value?: unknown } | undefined;
  if (element.element !== "member" || content === undefined || !isElement(content.key)) return undefined;
  return isElement(content.value) ? { key: content.key, value: content.value } : { key: content.key };
}

/** Class names such as `api`, `resourceGroup`, `dataStructures`, `messageBody`. */
export function classesOf(element: RefractElement): string[] {
  const classes = element.meta?.classes;
  return classes === undefined ? [] : childElements(classes).flatMap((c) => stringValue(c) ?? []);
}

/** MSON type attributes of a member (`required`, `optional`, `nullable`, `fixed`…). */
export function typeAttributesOf(element: RefractElement): string[] {
  const attributes = element.attributes?.typeAttributes;
  return attributes === undefined ? [] : childElements(attributes).flatMap((a) => stringValue(a) ?? []);
}

/** Byte offset of the first source-map range of an element, if drafter recorded one. */
export function sourceByteOffset(element: RefractElement | undefined): number | undefined {
  let node: unknown = element?.attributes?.sourceMap;
  // array of sourceMap elements → first sourceMap → first range [offset, length] → offset
  for (let depth = 0; depth < 3; depth++) {
    if (!isElement(node)) return undefined;
    node = childElements(node)[0];
  }
  return isElement(node) && typeof node.content === "number" ? node.content : undefined;
}

/** Depth-first visit that tells the visitor the closest enclosing resource. */
export function visitWithResource(
  element: RefractElement,
  visit: (element: RefractElement, resource: RefractElement | undefined) => void,
  resource?: RefractElement,
): void {
  const enclosing = element.element === "resource" ? element : resource;
  visit(element, enclosing);
  for (const child of childElements(element)) visitWithResource(child, visit, enclosing);
}
