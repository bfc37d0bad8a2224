// An independent, deliberately small reading of the vendor pages for the tests (it shares no code with
// scripts/lib/spec): each `- \`name\` (types)` line becomes a field with its full dotted name, the
// section it belongs to, and the JSON of the `Example:` line right under it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./openapi.js";

export const PAGES_DIR = join(ROOT, "spec/reference/altegio-b2b-v1/pages");

export interface VendorField {
  /** `path`, `query`, `header`, `request` or a response status. */
  section: string;
  /** Full dotted name: parents of indented sub-lists are prefixed (`data.main_group.id`). */
  name: string;
  /** Set for fields listed under a `— one of:` variant; `name` is then relative to the variant. */
  variant?: { owner: string; title: string };
  types: string[];
  required: boolean;
  example?: unknown;
  /** Values of a literal `Enum:` line (not the `same as` shorthand). */
  enum?: unknown[];
  line: number;
}

export interface VendorPage {
  file: string;
  slug: string;
  tag: string;
  method: string;
  path: string;
  security?: string;
  statuses: string[];
  fields: VendorField[];
}

export function vendorPageFiles(): { tag: string; slug: string; file: string }[] {
  return readdirSync(PAGES_DIR)
    .sort()
    .flatMap((tag) =>
      readdirSync(join(PAGES_DIR, tag))
        .sort()
        .map((name) => ({ tag, slug: name.replace(/\.md$/, ""), file: join(PAGES_DIR, tag, name) })),
    );
}

export function readVendorPage(tag: string, slug: string, file: string): VendorPage {
  const lines = readFileSync(file, "utf8").split("\n");
  const endpoint = lines.map((l) => /^Endpoint: (\w+) (\S+)/.exec(l)).find(Boolean);
  const security = lines.map((l) => /^Security: (\S+)/.exec(l)).find(Boolean)?.[1];
  const page: VendorPage = {
    file,
    slug,
    tag,
    method: (endpoint?.[1] ?? "").toLowerCase(),
    path: endpoint?.[2] ?? "",
    statuses: [],
    fields: [],
  };
  if (security) page.security = security;
  let section = "";
  // Open parents by indentation: a field at indent n is the child of the last field at indent < n.
  let parents: { indent: number; name: string; oneOf: boolean }[] = [];
  let variant: { owner: string; title: string; indent: number } | undefined;
  let last: VendorField | undefined;
  lines.forEach((line, k) => {
    const heading = /^## (?:(Path|Query|Header) parameters|Request fields|Response (\d{3}) fields)/.exec(
      line,
    );
    if (heading) {
      section = heading[1]?.toLowerCase() ?? heading[2] ?? "request";
      if (heading[2]) page.statuses.push(heading[2]);
      parents = [];
      variant = undefined;
      last = undefined;
      return;
    }
    if (section === "") return;
    const field = /^( *)- `([^`]+)` \((.*)\)( — one of:)?\s*$/.exec(line);
    if (field) {
      const indent = field[1]?.length ?? 0;
      if (variant && indent <= variant.indent) variant = undefined;
      parents = parents.filter((p) => p.indent < indent);
      const own = field[2] ?? "";
      const parent = parents.at(-1);
      // Inside a variant, names are relative to the variant (`payment.method.slug`).
      const name = parent && !(variant && parent.name === variant.owner) ? `${parent.name}.${own}` : own;
      const typeText = field[3] ?? "";
      const types = typeText.includes(" or ")
        ? ["object"]
        : typeText
            .split(",")
            .map((t) => t.trim())
            .filter((t) => t !== "" && t !== "required");
      last = { section, name, types, required: /(^|, )required$/.test(typeText), line: k + 1 };
      if (variant) last.variant = { owner: variant.owner, title: variant.title };
      page.fields.push(last);
      parents.push({ indent, name, oneOf: Boolean(field[4]) });
      return;
    }
    const title = /^( *)- (.+):\s*$/.exec(line);
    if (title) {
      const indent = title[1]?.length ?? 0;
      const owner = parents.filter((p) => p.indent < indent).at(-1);
      if (owner?.oneOf) {
        parents = parents.filter((p) => p.indent < indent);
        variant = { owner: owner.name, title: title[2] ?? "", indent };
        return;
      }
    }
    const enumLine = /^ *Enum: (.*)$/.exec(line);
    if (
      enumLine &&
      last &&
      line.indexOf("Enum:") === lastIndent(lines, last) + 2 &&
      !enumLine[1]?.startsWith("same as")
    ) {
      last.enum = JSON.parse(`[${enumLine[1] ?? ""}]`) as unknown[];
    }
    const example = /^ *Example: (.*)$/.exec(line);
    if (
      example &&
      last &&
      last.example === undefined &&
      line.indexOf("Example:") === lastIndent(lines, last) + 2
    ) {
      try {
        last.example = JSON.parse(example[1] ?? "");
      } catch {
        last.example = example[1];
      }
    }
  });
  return page;
}

function lastIndent(lines: string[], field: VendorField): number {
  return /^( *)/.exec(lines[field.line - 1] ?? "")?.[1]?.length ?? 0;
}
