import { lineAtByte } from "./load.js";
import {
  childElements,
  classesOf,
  memberOf,
  type RefractElement,
  sourceByteOffset,
  stringValue,
  typeAttributesOf,
  visitWithResource,
} from "./refract.js";
import { splitHref } from "./uri-template.js";

export type ParameterType = "string" | "number" | "integer" | "boolean" | "array";

export interface BlueprintParameter {
  name: string;
  type: ParameterType;
  /** Item type when `type` is `array` (the blueprint's "array of number"). */
  itemType?: ParameterType;
  required: boolean;
  /** Sample value as the blueprint writes it (may be Russian text; scrubbed later). */
  example?: string | number;
  default?: string | number;
  enum?: string[];
}

export interface BlueprintMessage {
  mediaType: string | undefined;
  authorization: string | undefined;
  /** Raw message body (usually a JSON example). */
  body: string | undefined;
  /** MSON attributes, when the blueprint declares them. */
  dataStructure: RefractElement | undefined;
}

export interface BlueprintResponse extends BlueprintMessage {
  status: number;
}

export interface BlueprintAction {
  method: string;
  /** Href as written, query expression included. */
  href: string;
  /** Path part of the href. */
  path: string;
  /** 1-based line of the action heading in yclientsru.apib. */
  line: number;
  /** Authorization header of the first request example (tells partner-only actions apart). */
  authorization: string | undefined;
  pathParameters: BlueprintParameter[];
  queryParameters: BlueprintParameter[];
  request: BlueprintMessage | undefined;
  responses: BlueprintResponse[];
}

/** Every transition (action) of the blueprint, in file order. */
export function extractActions(parseResult: RefractElement, source: Buffer): BlueprintAction[] {
  const actions: BlueprintAction[] = [];
  visitWithResource(parseResult, (element, resource) => {
    if (element.element === "transition") actions.push(toAction(element, resource, source));
  });
  return actions;
}

function toAction(
  transition: RefractElement,
  resource: RefractElement | undefined,
  source: Buffer,
): BlueprintAction {
  const href = stringValue(transition.attributes?.href) ?? stringValue(resource?.attributes?.href) ?? "";
  const transactions = childElements(transition).filter((e) => e.element === "httpTransaction");
  const requests = transactions.flatMap((t) => childElements(t).filter((e) => e.element === "httpRequest"));
  const responses = transactions.flatMap((t) => childElements(t).filter((e) => e.element === "httpResponse"));
  const firstRequest = requests[0];
  const method = stringValue(firstRequest?.attributes?.method) ?? "";
  // The method's source map points at the action heading, the line the pairings cite.
  const offset =
    sourceByteOffset(firstRequest?.attributes?.method) ?? sourceByteOffset(transition.meta?.title);
  const variables = new Map(
    [...hrefVariables(resource), ...hrefVariables(transition)].map((p) => [p.name, p] as const),
  );
  const { path, pathVariables, queryVariables } = splitHref(href);
  const ownVariables = new Set(hrefVariables(transition).map((p) => p.name));
  // An action without its own href inherits the resource's URI template, whose query part
  // usually lists the GET filters: other methods keep only the query names they declare.
  const inheritsHref = stringValue(transition.attributes?.href) === undefined;
  const queryNames = queryVariables.filter(
    (name) => !inheritsHref || method === "GET" || ownVariables.has(name),
  );
  const parameter = (name: string, inPath: boolean): BlueprintParameter =>
    variables.get(name) ?? { name, type: "string", required: inPath };
  return {
    method,
    href,
    path,
    line: offset === undefined ? 0 : lineAtByte(source, offset),
    authorization: firstRequest === undefined ? undefined : header(firstRequest, "authorization"),
    pathParameters: pathVariables.map((name) => ({ ...parameter(name, true), required: true })),
    queryParameters: queryNames.map((name) => parameter(name, false)),
    request: requests.map(toMessage).find((m) => m.body !== undefined || m.dataStructure !== undefined),
    responses: uniqueByStatus(responses.map((r) => ({ ...toMessage(r), status: statusOf(r) }))),
  };
}

function hrefVariables(owner: RefractElement | undefined): BlueprintParameter[] {
  const variables = owner?.attributes?.hrefVariables;
  return variables === undefined ? [] : childElements(variables).flatMap((m) => toParameter(m) ?? []);
}

// Legacy parameter syntax: drafter puts the type in meta.title ("number", "array of number",
// "'clients' | 'comers'") and the sample in the value's content, always as a string.
function toParameter(member: RefractElement): BlueprintParameter | undefined {
  const parts = memberOf(member);
  const name = stringValue(parts?.key);
  if (name === undefined) return undefined;
  const title = (stringValue(member.meta?.title) ?? "string").trim();
  const enumValues = title.includes("|")
    ? title.split("|").map((v) => v.trim().replace(/^'(.*)'$/, "$1"))
    : undefined;
  const arrayOf = /^array of (\w+)$/.exec(title)?.[1];
  const type = enumValues !== undefined ? "string" : arrayOf !== undefined ? "array" : scalarType(title);
  const sample = stringValue(parts?.value);
  const fallback = stringValue(parts?.value?.attributes?.default);
  const parameter: BlueprintParameter = {
    name,
    type,
    required: typeAttributesOf(member).includes("required"),
  };
  if (arrayOf !== undefined) parameter.itemType = scalarType(arrayOf);
  if (enumValues !== undefined) parameter.enum = enumValues;
  const example = sample === undefined ? undefined : typedSample(sample, parameter.itemType ?? type);
  if (example !== undefined) parameter.example = example;
  const defaultValue = fallback === undefined ? undefined : typedSample(fallback, type);
  if (defaultValue !== undefined) parameter.default = defaultValue;
  return parameter;
}

function scalarType(title: string): ParameterType {
  if (title === "number" || title === "integer" || title === "boolean") return title;
  return "string";
}

function typedSample(sample: string, type: ParameterType): string | number | undefined {
  const unquoted = sample.trim().replace(/^'(.*)'$/, "$1");
  if (type === "number" || type === "integer") {
    const value = Number(unquoted);
    return unquoted !== "" && Number.isFinite(value) ? value : undefined;
  }
  return unquoted;
}

function toMessage(message: RefractElement): BlueprintMessage {
  const content = childElements(message);
  const body = content.find((e) => e.element === "asset" && classesOf(e).includes("messageBody"));
  const dataStructure = content.find((e) => e.element === "dataStructure");
  return {
    mediaType: header(message, "content-type") ?? stringValue(body?.attributes?.contentType),
    authorization: header(message, "authorization"),
    body: stringValue(body),
    dataStructure: isEmptyStructure(dataStructure) ? undefined : dataStructure,
  };
}

function isEmptyStructure(structure: RefractElement | undefined): boolean {
  const inner = structure?.content as RefractElement | undefined;
  return inner === undefined || (inner.element === "object" && childElements(inner).length === 0);
}

function header(message: RefractElement, name: string): string | undefined {
  const headers = message.attributes?.headers;
  for (const member of headers === undefined ? [] : childElements(headers)) {
    const parts = memberOf(member);
    if (stringValue(parts?.key)?.toLowerCase() === name) return stringValue(parts?.value);
  }
  return undefined;
}

function statusOf(response: RefractElement): number {
  return Number(stringValue(response.attributes?.statusCode) ?? "200");
}

// Several request/response pairs may repeat a status; the first one is the documented one.
function uniqueByStatus(responses: BlueprintResponse[]): BlueprintResponse[] {
  const seen = new Set<number>();
  return responses.filter((r) => !seen.has(r.status) && seen.add(r.status));
}
