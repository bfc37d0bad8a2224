/**
 * Milliseconds to wait according to a `Retry-After` header, which is either delta-seconds or
 * an HTTP date (RFC 9110 §10.2.3). Undefined when absent or unreadable; never negative.
 *
 * @example
 * parseRetryAfter("2"); // 2000
 * parseRetryAfter(new Date(Date.now() + 5000).toUTCString()); // about 5000
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
