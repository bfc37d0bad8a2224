/** The largest number of times found inside any window of `intervalMs` (sliding). */
export function maxInWindow(times: readonly number[], intervalMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= intervalMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
