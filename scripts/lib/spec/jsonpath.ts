// The JSONPath subset the corrections overlay needs (RFC 9535 syntax):
//   $                      root
//   .name  ['name']        member ('…' may hold any characters)
//   ['a','b']              members a and b
//   .*  [*]                every child
//   [0]                    array element
//   ..name  ..['a','b']    members at any depth (examples included: keep targets specific)
//   [?(@.a.b == 'v' && @.c == 1)]  children whose members equal string/number/boolean literals
// Returns the matched nodes with their parent and key so that `remove` can delete them.

export interface Match {
  value: unknown;
  parent: Record<string, unknown> | unknown[] | undefined;
  key: string | number | undefined;
}

interface Condition {
  path: string[];
  equals: unknown;
}

type Step =
  | { kind: "members"; names: string[]; deep: boolean }
  | { kind: "wildcard" }
  | { kind: "index"; index: number }
  | { kind: "filter"; conditions: Condition[] };

const NAME = "[A-Za-z0-9_$-]+";
const QUOTED = `'(?:[^'\\\\]|\\\\.)*'`;
const LITERAL = `'[^']*'|"[^"]*"|-?\\d+(?:\\.\\d+)?|true|false`;
const CONDITION = new RegExp(`^@((?:\\.${NAME})+)\\s*==\\s*(${LITERAL})$`);

const unquote = (quoted: string): string => quoted.slice(1, -1).replace(/\\(.)/g, "$1");

function parseLiteral(literal: string): unknown {
  return literal.startsWith("'") ? literal.slice(1, -1) : JSON.parse(literal);
}

function parseFilter(body: string, expression: string): Step {
  const conditions = body.split("&&").map((part) => {
    const m = CONDITION.exec(part.trim());
    if (!m) throw new Error(`unsupported filter "${part.trim()}" in ${expression}`);
    return { path: (m[1] ?? "").slice(1).split("."), equals: parseLiteral(m[2] ?? "") };
  });
  return { kind: "filter", conditions };
}

const TOKENS: [RegExp, (m: RegExpExecArray, expression: string) => Step][] = [
  [new RegExp(`^\\.\\.(${NAME})`), (m) => ({ kind: "members", names: [m[1] ?? ""], deep: true })],
  [
    new RegExp(`^(\\.\\.)?\\[((?:${QUOTED})(?:\\s*,\\s*${QUOTED})*)\\]`),
    (m) => ({
      kind: "members",
      names: (m[2]?.match(new RegExp(QUOTED, "g")) ?? []).map(unquote),
      deep: Boolean(m[1]),
    }),
  ],
  [/^\.\*|^\[\*\]/, () => ({ kind: "wildcard" })],
  [new RegExp(`^\\.(${NAME})`), (m) => ({ kind: "members", names: [m[1] ?? ""], deep: false })],
  [/^\[(\d+)\]/, (m) => ({ kind: "index", index: Number(m[1]) })],
  [/^\[\?\(?((?:[^()\]]|'[^']*')+?)\)?\]/, (m, expression) => parseFilter(m[1] ?? "", expression)],
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
      steps.push(toStep(m, expression));
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
  switch (step.kind) {
    case "members": {
      const pool = step.deep ? descendants(match) : children(match.value);
      return pool.filter((c) => typeof c.key === "string" && step.names.includes(c.key));
    }
    case "wildcard":
      return children(match.value);
    case "index":
      return Array.isArray(match.value) ? children(match.value).filter((c) => c.key === step.index) : [];
    case "filter":
      return children(match.value).filter((c) =>
        step.conditions.every((k) => at(c.value, k.path) === k.equals),
      );
  }
}

export function query(root: unknown, expression: string): Match[] {
  let current: Match[] = [{ value: root, parent: undefined, key: undefined }];
  for (const step of parsePath(expression)) current = current.flatMap((match) => select(match, step));
  return current;
}
