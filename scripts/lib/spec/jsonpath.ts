// The JSONPath subset the corrections overlay needs (RFC 9535 syntax):
//   $            root
//   .name        member            ['name'] / ["name"]  member with any characters
//   .* / [*]     every child       ..name               member at any depth
//   [?(@.a.b == 'v')] / [?@.a == "v"]  children whose member path equals a string/number/boolean
// Returns the matched nodes with their parent and key so that `remove` can delete them.

export interface Match {
  value: unknown;
  parent: Record<string, unknown> | unknown[] | undefined;
  key: string | number | undefined;
}

type Step =
  | { kind: "member"; name: string }
  | { kind: "wildcard" }
  | { kind: "descendant"; name: string }
  | { kind: "filter"; path: string[]; equals: unknown };

const TOKENS: [RegExp, (m: RegExpExecArray) => Step][] = [
  [/^\.\.([A-Za-z0-9_$-]+)/, (m) => ({ kind: "descendant", name: m[1] ?? "" })],
  [/^\.\*|^\[\*\]/, () => ({ kind: "wildcard" })],
  [/^\.([A-Za-z0-9_$-]+)/, (m) => ({ kind: "member", name: m[1] ?? "" })],
  [
    /^\['((?:[^'\\]|\\.)*)'\]|^\["((?:[^"\\]|\\.)*)"\]/,
    (m) => ({ kind: "member", name: (m[1] ?? m[2] ?? "").replace(/\\(.)/g, "$1") }),
  ],
  [
    /^\[\?\(?@((?:\.[A-Za-z0-9_$-]+)+)\s*==\s*('[^']*'|"[^"]*"|-?\d+(?:\.\d+)?|true|false)\)?\]/,
    (m) => {
      const literal = m[2] ?? "";
      const equals: unknown = literal.startsWith("'") ? literal.slice(1, -1) : JSON.parse(literal);
      return { kind: "filter", path: (m[1] ?? "").slice(1).split("."), equals };
    },
  ],
];

export function parsePath(expression: string): Step[] {
  if (!expression.startsWith("$")) throw new Error(`JSONPath must start with $: ${expression}`);
  const steps: Step[] = [];
  let rest = expression.slice(1);
  while (rest !== "") {
    let matched = false;
    for (const [pattern, toStep] of TOKENS) {
      const m = pattern.exec(rest);
      if (!m) continue;
      steps.push(toStep(m));
      rest = rest.slice(m[0].length);
      matched = true;
      break;
    }
    if (!matched) throw new Error(`unsupported JSONPath at "${rest}" in ${expression}`);
  }
  return steps;
}

function children(node: unknown): Match[] {
  if (Array.isArray(node)) return node.map((value, key) => ({ value, parent: node, key }));
  if (node !== null && typeof node === "object") {
    const record = node as Record<string, unknown>;
    return Object.keys(record).map((key) => ({ value: record[key], parent: record, key }));
  }
  return [];
}

function descendants(match: Match): Match[] {
  return children(match.value).flatMap((child) => [child, ...descendants(child)]);
}

function at(value: unknown, path: string[]): unknown {
  let node = value;
  for (const name of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[name];
  }
  return node;
}

function select(match: Match, step: Step): Match[] {
  if (step.kind === "member") return children(match.value).filter((c) => c.key === step.name);
  if (step.kind === "wildcard") return children(match.value);
  if (step.kind === "descendant") return descendants(match).filter((c) => c.key === step.name);
  return children(match.value).filter((c) => at(c.value, step.path) === step.equals);
}

export function query(root: unknown, expression: string): Match[] {
  let current: Match[] = [{ value: root, parent: undefined, key: undefined }];
  for (const step of parsePath(expression)) {
    current = current.flatMap((match) => select(match, step));
  }
  return current;
}
