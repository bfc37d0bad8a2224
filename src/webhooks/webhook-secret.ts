import { createHash, timingSafeEqual } from "node:crypto";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * True when the request URL carries the shared secret in query parameter `param`. The vendor
 * documents no signature, so a secret in the URL registered with hooks_settings is the check a
 * receiver can make. Compared in constant time over digests (no length leak either).
 */
export function hasWebhookSecret(url: string, param: string, secret: string): boolean {
  let given: string | null;
  try {
    given = new URL(url, "http://receiver.invalid").searchParams.get(param);
  } catch {
    return false;
  }
  return given !== null && timingSafeEqual(digest(given), digest(secret));
}
