import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * The spec snapshots under .cache/ are content-addressed, so every rebuilt openapi.yaml adds
 * 2–5 MB. Removes the entries of `dir` that `keep` does not claim and that are older than
 * `maxAgeMs` (a concurrent run may still be serving an older spec version: leave recent ones).
 *
 * @example
 * pruneCache(".cache/prism-spec", (name) => name.startsWith(sha));
 */
export function pruneCache(dir: string, keep: (name: string) => boolean, maxAgeMs = 60 * 60 * 1000): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no cache yet
  }
  const cutoff = Date.now() - maxAgeMs;
  for (const name of names) {
    if (keep(name)) continue;
    const file = join(dir, name);
    try {
      if (statSync(file).mtimeMs < cutoff) rmSync(file, { force: true });
    } catch {
      // removed by a concurrent run, or unreadable: not ours to fix
    }
  }
}
