// Reads one vendor reference page (spec/reference/altegio-b2b-v1/pages/<tag>/<slug>.md) into a PageModel.
// Page layout: `# title`, free description (tables, #### headings), `Endpoint:`/`Version:`/`Security:`
// lines, then `## ... parameters:` / `## Request fields (mt):` / `## Response NNN fields (mt):` sections
// whose entries are `  - \`name\` (types)` followed by indented description, `Example:` and `Enum:` lines.
import type { PageField, PageModel, PageResponse, PageVariant, ParameterLocation } from "./model.js";

// `(Payment at the checkout (object) or ..., required) — one of:` has parentheses inside, hence the greedy match.
const FIELD_LINE = /^( *)- `([^`]+)` \((.*)\)( — one of:)?\s*$/;
const VARIANT_LINE = /^( *)- (.+):\s*$/;
const SECTION_LINE = /^## (.+?)\s*$/;

interface Frame {
  indent: number;
  field?: PageField;
  list: PageField[];
}

export function parsePage(file: string, text: string): PageModel {
  const lines = text.split("\n");
  const title = (lines[0] ?? "").replace(/^# /, "").trim();
  const endpointAt = lines.findIndex((l) => l.startsWith("Endpoint: "));
  if (!lines[0]?.startsWith("# ") || endpointAt < 0) throw new Error(`${file}: no title or Endpoint line`);
  const description = trimBlankLines(lines.slice(1, endpointAt)).join("\n");
  const endpoint = /^Endpoint: (\S+) (\S+)\s*$/.exec(lines[endpointAt] ?? "");
  if (!endpoint?.[1] || !endpoint[2]) throw new Error(`${file}: bad Endpoint line`);

  const model: PageModel = {
    file,
    title,
    description,
    method: endpoint[1].toLowerCase(),
    path: endpoint[2],
    parameters: { path: [], query: [], header: [] },
    responses: [],
  };
  let i = endpointAt + 1;
  for (; i < lines.length && !lines[i]?.startsWith("## "); i++) {
    const security = /^Security: (.+?)\s*$/.exec(lines[i] ?? "");
    if (security?.[1]) model.security = security[1];
  }
  while (i < lines.length) {
    const heading = SECTION_LINE.exec(lines[i] ?? "")?.[1];
    if (!heading) throw new Error(`${file}:${i + 1}: expected a ## section`);
    let end = i + 1;
    while (end < lines.length && !lines[end]?.startsWith("## ")) end++;
    const fields = parseFieldList(file, lines.slice(i + 1, end), i + 1);
    attachSection(file, model, heading, fields);
    i = end;
  }
  return model;
}

function attachSection(file: string, model: PageModel, heading: string, fields: PageField[]): void {
  const param = /^(Header|Path|Query) parameters:$/.exec(heading);
  if (param?.[1]) {
    model.parameters[param[1].toLowerCase() as ParameterLocation].push(...fields);
    return;
  }
  const request = /^Request fields \((.+)\):$/.exec(heading);
  if (request?.[1]) {
    model.request = { mediaType: request[1], fields };
    return;
  }
  const response = /^Response (\d{3}) fields(?: \((.+)\):)?$/.exec(heading);
  if (response?.[1]) {
    const body: PageResponse = { status: response[1], fields };
    if (response[2]) body.mediaType = response[2];
    model.responses.push(body);
    return;
  }
  throw new Error(`${file}: unknown section "## ${heading}"`);
}

/** Parses the entries of one section; `base` is the 0-based line number of `lines[0]` (for messages). */
function parseFieldList(file: string, lines: string[], base: number): PageField[] {
  const root: PageField[] = [];
  const stack: Frame[] = [{ indent: -1, list: root }];
  let current: { field: PageField; indent: number } | undefined;
  let pendingBlank = false;

  lines.forEach((line, offset) => {
    const field = FIELD_LINE.exec(line);
    if (field) {
      const indent = field[1]?.length ?? 0;
      while ((stack.at(-1)?.indent ?? -1) >= indent) stack.pop();
      const parent = stack.at(-1);
      if (!parent) throw new Error(`${file}:${base + offset + 1}: field outside a list`);
      const entry = newField(field[2] ?? "", field[3] ?? "", Boolean(field[4]));
      parent.list.push(entry);
      stack.push({ indent, field: entry, list: entry.children });
      current = { field: entry, indent };
      pendingBlank = false;
      return;
    }
    const variant = VARIANT_LINE.exec(line);
    if (variant && isOneOf(stack, variant[1]?.length ?? 0)) {
      const indent = variant[1]?.length ?? 0;
      while ((stack.at(-1)?.indent ?? -1) >= indent) stack.pop();
      const holder = stack.at(-1)?.field;
      if (!holder) throw new Error(`${file}:${base + offset + 1}: variant outside a one-of field`);
      const entry: PageVariant = { title: variant[2] ?? "", fields: [] };
      holder.variants.push(entry);
      stack.push({ indent, list: entry.fields });
      current = undefined;
      return;
    }
    if (line.trim() === "") {
      pendingBlank = current !== undefined;
      return;
    }
    if (!current) return; // text between a variant title and its first field: none in the pages
    const own = current.indent + 2;
    const body = line.startsWith(" ".repeat(own)) ? line.slice(own) : line.replace(/^ +/, "");
    const example = /^Example: (.*)$/.exec(body);
    const enumLine = /^Enum: (.*)$/.exec(body);
    const atOwnIndent = line.startsWith(" ".repeat(own)) && !line.startsWith(" ".repeat(own + 1));
    if (atOwnIndent && example && current.field.exampleRaw === undefined) {
      current.field.exampleRaw = example[1] ?? "";
    } else if (atOwnIndent && enumLine && current.field.enumRaw === undefined) {
      current.field.enumRaw = enumLine[1] ?? "";
    } else {
      const sep = current.field.description === "" ? "" : pendingBlank ? "\n\n" : "\n";
      current.field.description += sep + body;
    }
    pendingBlank = false;
  });
  return root;
}

/** A variant title line belongs to the innermost field declared `— one of:`. */
function isOneOf(stack: Frame[], indent: number): boolean {
  for (let k = stack.length - 1; k >= 0; k--) {
    const frame = stack[k];
    if (!frame) continue;
    if (frame.indent < indent && frame.field) return frame.field.oneOf === true;
  }
  return false;
}

function newField(name: string, typeText: string, oneOf: boolean): PageField {
  const field: PageField = { name, types: [], required: false, description: "", children: [], variants: [] };
  if (oneOf) field.oneOf = true;
  if (typeText.includes(" or ")) {
    // `body` of create_payment_with_loyalty_methods: "A (object) or B (object), required".
    field.required = /, required$/.test(typeText);
    field.types = ["object"];
    return field;
  }
  for (const part of typeText.split(",").map((p) => p.trim())) {
    if (part === "required") field.required = true;
    else if (part !== "") field.types.push(part);
  }
  return field;
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === "") start++;
  while (end > start && lines[end - 1]?.trim() === "") end--;
  return lines.slice(start, end);
}
