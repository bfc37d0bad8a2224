/**
 * Splitting a long client id list into several by_id requests.
 *
 * The vendor pages give no limit on `client_ids`. We send at most
 * {@link DEFAULT_CHUNK_SIZE} ids per request so that one ambiguous failure (a timeout, a 5xx:
 * did it go out or not?) leaves at most that many clients in doubt, and so a body stays far
 * below any proxy's size limit.
 */
import { CampaignInputError } from "./errors.js";

/** Client ids per by_id request unless `chunkSize` says otherwise. */
export const DEFAULT_CHUNK_SIZE = 100;
/** Upper bound accepted for `chunkSize`. */
export const MAX_CHUNK_SIZE = 1000;

/**
 * Split `ids` into consecutive chunks of at most `size`, order kept.
 *
 * @example
 * chunkIds([1, 2, 3, 4, 5], 2); // [[1, 2], [3, 4], [5]]
 */
export function chunkIds<T>(ids: readonly T[], size: number = DEFAULT_CHUNK_SIZE): T[][] {
  if (!Number.isInteger(size) || size < 1 || size > MAX_CHUNK_SIZE) {
    throw new CampaignInputError(
      "chunkSize",
      `must be an integer from 1 to ${MAX_CHUNK_SIZE}, got ${String(size)}`,
    );
  }
  const chunks: T[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  return chunks;
}
