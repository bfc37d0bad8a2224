import { createHash } from "node:crypto";

/**
 * Hex sha256 of a text (UTF-8) or bytes: the one copy for provenance, generated/ headers, Prism
 * snapshots and the contract suite's spec cache.
 *
 * @example
 * sha256("abc"); // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
