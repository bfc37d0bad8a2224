// Some of the blueprint's JSON examples have hand-typing slips: a trailing comma before `}`
// or `]`, or a missing comma at a line break. Those two are repaired; anything else (a stray
// quote, comments) leaves the example out. The repaired value is still checked against the
// schema before it is used.
export function parseLenientJson(text: string | undefined): unknown {
  if (text === undefined || text.trim() === "") return undefined;
  for (const candidate of [text, repair(text)]) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

function repair(text: string): string {
  return text
    .replace(/,(\s*[}\]])/g, "$1")
    .replace(/([}\]"\d]|true|false|null)([ \t]*\n\s*)(?=["{[\d-])/g, "$1,$2");
}
