// Reads INDEX.md: tag headings (`## Locations` + description) and, per operation link
// (` - [METHOD path](…/<tag>/<slug>.md): summary`), the one-line summary and its continuation lines.

export interface IndexTag {
  /** Vendor tag as in the link URLs (`locations`). */
  name: string;
  /** Heading text (`Locations`). */
  displayName: string;
  description: string;
}

export interface IndexOperation {
  slug: string;
  tag: string;
  /** Text after `): ` on the link line plus the lines that follow, up to the next heading. */
  description: string;
}

export interface IndexModel {
  /** Text between the `# Business Management` title and `## Servers` (version status, aliases, auth). */
  intro: string;
  tags: IndexTag[];
  operations: Map<string, IndexOperation>;
}

const LINK =
  /^ - \[(\w+) ([^\]]+)\]\(https:\/\/developer\.alteg\.io\/en\/b2b-v1\/openapi\/([^/]+)\/([^/]+)\.md\)(?::\s?(.*))?$/;

export function parseIndex(text: string): IndexModel {
  const lines = text.split("\n");
  const tags: IndexTag[] = [];
  const operations = new Map<string, IndexOperation>();
  let heading: { displayName: string; lines: string[]; tag?: IndexTag } | undefined;
  let operation: { op: IndexOperation; lines: string[] } | undefined;

  const closeOperation = (): void => {
    if (operation) operation.op.description = trimJoin(operation.lines);
    operation = undefined;
  };
  for (const line of lines) {
    if (line.startsWith("## ")) {
      closeOperation();
      heading = { displayName: line.slice(3).trim(), lines: [] };
      continue;
    }
    if (line.startsWith("### ")) {
      closeOperation();
      continue;
    }
    const link = LINK.exec(line);
    if (link && heading) {
      closeOperation();
      const tagName = link[3] ?? "";
      if (!heading.tag) {
        heading.tag = {
          name: tagName,
          displayName: heading.displayName,
          description: trimJoin(heading.lines),
        };
        tags.push(heading.tag);
      }
      const op: IndexOperation = { slug: link[4] ?? "", tag: tagName, description: "" };
      operations.set(op.slug, op);
      operation = { op, lines: link[5] !== undefined ? [link[5]] : [] };
      continue;
    }
    if (operation) operation.lines.push(line);
    else if (heading && !heading.tag) heading.lines.push(line);
  }
  closeOperation();
  const start = lines.findIndex((l) => l.startsWith("# "));
  const end = lines.findIndex((l) => l.startsWith("## Servers"));
  const intro = trimJoin(lines.slice(start + 1, end < 0 ? start + 1 : end));
  return { intro, tags, operations };
}

function trimJoin(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === "") start++;
  while (end > start && lines[end - 1]?.trim() === "") end--;
  return lines.slice(start, end).join("\n");
}
