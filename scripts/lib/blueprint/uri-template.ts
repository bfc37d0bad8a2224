// The blueprint writes query strings in several ways: RFC 6570 `{?a,b}`, literal
// `?a=1&b=x`, `?a={a}`, and `?{a}&{b}`. All of them name query parameters.
export interface SplitHref {
  /** Path part, as written (placeholders kept, query removed). */
  path: string;
  pathVariables: string[];
  queryVariables: string[];
}

export function splitHref(href: string): SplitHref {
  const templateQuery = href.indexOf("{?");
  const literalQuery = href.indexOf("?");
  const queryStart = templateQuery !== -1 && templateQuery < literalQuery ? templateQuery : literalQuery;
  const path = queryStart === -1 ? href : href.slice(0, queryStart);
  const query = queryStart === -1 ? "" : href.slice(queryStart);
  return { path, pathVariables: placeholdersIn(path), queryVariables: queryNames(query) };
}

function placeholdersIn(path: string): string[] {
  return [...path.matchAll(/\{([^}?]+)\}/g)].flatMap((match) => match[1] ?? []);
}

function queryNames(query: string): string[] {
  if (query.startsWith("{?")) {
    return query
      .slice(2, query.indexOf("}"))
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
  }
  return query
    .replace(/^\?/, "")
    .split("&")
    .flatMap((piece) => {
      const key = piece.split("=")[0]?.trim() ?? "";
      const unbraced = key.replace(/^\{(.*)\}$/, "$1");
      return unbraced === "" ? [] : [unbraced];
    });
}

/** `/api/v1/x/{a}/y/` → `/x/{}/y`: the shape used to compare blueprint and Altegio paths. */
export function pathShape(path: string): string {
  return path
    .replace(/^\/api\/v1(?=\/)/, "")
    .replace(/\{[^}]*\}/g, "{}")
    .replace(/(.)\/$/, "$1");
}
