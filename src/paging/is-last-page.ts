/**
 * Whether a page's `meta` says the list is done after `seen` items: `total_count` (or `total`)
 * reached, or `from`/`to` (1-based positions of the page's first and last item) with `to`
 * reaching the total or `to < from`.
 */
export function isLastPage(meta: unknown, seen: number): boolean {
  if (typeof meta !== "object" || meta === null) return false;
  const m = meta as Record<string, unknown>;
  const total =
    typeof m.total_count === "number" ? m.total_count : typeof m.total === "number" ? m.total : undefined;
  if (typeof m.from === "number" && typeof m.to === "number") {
    if (m.to < m.from) return true;
    if (total !== undefined && m.to >= total) return true;
  }
  return total !== undefined && seen >= total;
}
